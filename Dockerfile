# CivicDesk container image: the web client built with Node.js 20, the service with the Maven
# wrapper, run on a JRE as an unprivileged user with the jar's layers split for cache-friendly pulls.
#   docker build -t civicdesk:latest .
FROM node:20 AS web
WORKDIR /web
COPY web-client/package.json web-client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web-client/ ./
RUN npm run build

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline || true
COPY src/ src/
COPY --from=web /web/dist web-client/dist
RUN ./mvnw -B -ntp package -DskipTests -Dweb.skip=true \
 && java -Djarmode=tools -jar target/civicdesk-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app civicdesk
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    CIVICDESK_LOG_FORMAT=ecs
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
