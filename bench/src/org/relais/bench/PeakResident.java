package org.relais.bench;

/** Samples a hub's resident set every 250 ms on a thread of its own and keeps the highest value. */
final class PeakResident implements AutoCloseable {

    private final Thread sampler;
    private volatile double peakMb = -1;

    PeakResident(HubProcess hub) {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakMb = Math.max(peakMb, hub.residentMb());
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-" + hub.name);
        sampler.setDaemon(true);
        sampler.start();
    }

    double peakMb() {
        return peakMb;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
    }
}
