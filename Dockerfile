# sfn-grpc container: the gateway against AWS (SFN_GRPC_BACKEND=aws), serving on 0.0.0.0:50051, and
# Prometheus metrics on 0.0.0.0:9090/metrics.
# Build: docker build -t sfn-grpc .   Run: docker run -p 50051:50051 -p 9090:9090 -e AWS_REGION=eu-west-1 sfn-grpc
FROM python:3.11-slim AS build
WORKDIR /src
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
COPY pyproject.toml constraints.txt README.md ./
COPY service ./service
COPY generated/python ./generated/python
# Exact versions from constraints.txt; only the runtime dependencies: not the dev tools, and not the
# `embedded` extra (moto), since the container always talks to AWS. The server depends on
# sfn-grpc-client, the generated stubs' own distribution, which comes from generated/python here.
RUN python -m venv /opt/sfn-grpc && /opt/sfn-grpc/bin/pip install -c constraints.txt ./generated/python .

FROM python:3.11-slim
COPY --from=build /opt/sfn-grpc /opt/sfn-grpc
ENV PATH=/opt/sfn-grpc/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    SFN_GRPC_LISTEN=0.0.0.0:50051 \
    SFN_GRPC_METRICS_LISTEN=0.0.0.0:9090 \
    SFN_GRPC_BACKEND=aws
# An unprivileged user; the gateway writes nothing to disk.
USER 65532:65532
EXPOSE 50051 9090
ENTRYPOINT ["python", "-m", "service"]
