# syntax=docker/dockerfile:1
# One image per target, both built from the same Maven run:
#   docker build --target operator      -t ghcr.io/progressive-operator/operator:0.1.0 .
#   docker build --target agent-runtime -t ghcr.io/progressive-operator/agent-runtime:0.1.0 .
# The final images hold a JRE, the application jar and its lib/ folder; no JDK, Maven or sources.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# The tests need tools the image has not (helm, kubectl, promtool, lua); CI runs them.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -DskipTests package

FROM eclipse-temurin:21-jre AS operator
WORKDIR /app
COPY --from=build /src/operator/target/lib/ /app/lib/
COPY --from=build /src/operator/target/progressive-operator.jar /app/
# A numeric uid, so that Kubernetes can verify runAsNonRoot without an /etc/passwd entry.
USER 10001:10001
ENV HOME=/tmp
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/progressive-operator.jar"]
CMD ["run"]

FROM eclipse-temurin:21-jre AS agent-runtime
WORKDIR /app
COPY --from=build /src/agent-runtime/target/lib/ /app/lib/
COPY --from=build /src/agent-runtime/target/agent-runtime.jar /app/
USER 10001:10001
ENV HOME=/tmp
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/agent-runtime.jar"]
