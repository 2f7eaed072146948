package org.relais.console.alarms;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the alarm checks on their own ({@link AlarmWatch#check()}, every relais.console.alarms.check-interval). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlarmScheduling {
}
