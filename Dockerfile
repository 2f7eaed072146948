# The hub's image, built from this repository: docker build -t relais .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/relais relais && mkdir -p /var/lib/relais && chown relais /var/lib/relais
WORKDIR /opt/relais
COPY --from=build /src/target/relais-*.jar relais.jar
COPY config config
# Started in seconds rather than twenty (docs/operations.md, "Starting in seconds"): the jar extracted, and the classes
# of a whole start archived by a training run of the hub on its embedded defaults, which stops once started. Made here
# with the image's own JVM: an archive is valid only for the JVM and the jars that made it.
RUN java -Djarmode=tools -jar relais.jar extract --destination app && rm relais.jar \
 && java @config/jvm.options -XX:ArchiveClassesAtExit=app/relais.jsa -jar app/relais.jar \
      --relais.training-run=true --relais.data-dir=/tmp/training \
 && rm -rf /tmp/training /tmp/embedded-pg
USER relais
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD wget -qO- http://127.0.0.1:8080/actuator/health || exit 1
# the JVM options of config/jvm.options (C1 only, serial collector: see bench/README.md)
ENTRYPOINT ["java", "@config/jvm.options", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=app/relais.jsa", \
            "-jar", "app/relais.jar"]
