# sfn-grpc: every step installs what it needs first, so each target works on a fresh clone.
# Versions: Python packages are pinned in constraints.txt, npm tools in package-lock.json, Go tools
# (built from the Go module proxy with the machine's Go) below.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_VERSION := 26.3
VENV_STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
NODE_STAMP := node_modules/.installed
# The Python client distribution (sfn-grpc-client) and the wheels of its dependencies, which
# tests/test_client_distribution.py installs offline into a venv that has nothing else.
CLIENT := ./generated/python
CLIENT_WHEELS := $(VENV)/client-wheels
TOOLS_BIN := $(CURDIR)/.tools/bin
GRPCURL_MODULE := github.com/fullstorydev/grpcurl
GRPCURL_VERSION := v1.9.4
GRPCURL := $(TOOLS_BIN)/grpcurl

.PHONY: run test tools generate baseline bench lint format typecheck lock clean

$(VENV_STAMP): pyproject.toml constraints.txt generated/python/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -c constraints.txt -e '$(CLIENT)[timeline]' -e '.[dev,embedded]'
	$(VENV)/bin/pip download --quiet --disable-pip-version-check -c constraints.txt --only-binary :all: -d $(CLIENT_WHEELS) $(CLIENT)
	touch $@

$(BENCH_STAMP): $(VENV_STAMP)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,embedded,bench]'
	touch $@

# generated/ts is an npm workspace of package.json: its dependencies are in the one lock file.
$(NODE_STAMP): package.json package-lock.json generated/ts/package.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## run: serve gRPC on 127.0.0.1:50051 against the embedded backend (moto, the `embedded` extra); Ctrl-C stops it cleanly
run: $(VENV_STAMP)
	SFN_GRPC_BACKEND=$${SFN_GRPC_BACKEND:-embedded} SFN_GRPC_LISTEN=$${SFN_GRPC_LISTEN:-127.0.0.1:50051} \
		exec $(PY) -m service

## tools: Go command-line tools the tests run (grpcurl), built once into .tools/bin
# Does nothing when the binary there was built from the pinned version (`go version -m` reads the
# module version recorded in it), so bumping GRPCURL_VERSION rebuilds it. GOTOOLCHAIN=local: use the
# machine's Go, never download another toolchain.
tools:
	@go version -m $(GRPCURL) 2>/dev/null | grep -Eq '^\s+mod\s+$(GRPCURL_MODULE)\s+$(GRPCURL_VERSION)\s' || { \
		echo "building grpcurl $(GRPCURL_VERSION) into .tools/bin"; \
		GOBIN=$(TOOLS_BIN) GOFLAGS=-mod=mod GOTOOLCHAIN=local go install $(GRPCURL_MODULE)/cmd/grpcurl@$(GRPCURL_VERSION); }

## go-tools: the Go code generators (protoc-gen-go, protoc-gen-go-grpc) and grpc-health-probe (grpc_health_probe), pinned,
## built once into .tools/bin like grpcurl (same check: rebuilt only when the pinned version changes)
PROTOC_GEN_GO_VERSION := v1.36.12
PROTOC_GEN_GO_GRPC_VERSION := v1.6.2
HEALTH_PROBE_VERSION := v0.4.62
# $(call go_tool,binary,module,version,package): go install package@version unless .tools/bin/binary has it.
define go_tool
	@go version -m $(TOOLS_BIN)/$(1) 2>/dev/null | grep -Eq '^\s+mod\s+$(2)\s+$(3)\s' || { \
		echo "building $(1) $(3) into .tools/bin"; \
		GOBIN=$(TOOLS_BIN) GOFLAGS=-mod=mod GOTOOLCHAIN=local go install $(4)@$(3); }
endef
.PHONY: go-tools
go-tools:
	$(call go_tool,protoc-gen-go,google.golang.org/protobuf,$(PROTOC_GEN_GO_VERSION),google.golang.org/protobuf/cmd/protoc-gen-go)
	$(call go_tool,protoc-gen-go-grpc,google.golang.org/grpc/cmd/protoc-gen-go-grpc,$(PROTOC_GEN_GO_GRPC_VERSION),google.golang.org/grpc/cmd/protoc-gen-go-grpc)
	$(call go_tool,grpc-health-probe,github.com/grpc-ecosystem/grpc-health-probe,$(HEALTH_PROBE_VERSION),github.com/grpc-ecosystem/grpc-health-probe)
	@# The modules generated/go and the Go interop client (tests/interop/go) build with, as their go.sum
	@# pins them: fetched here so that the tests build offline (GOPROXY=off). A no-op once cached.
	cd generated/go && GOTOOLCHAIN=local go mod download
	cd tests/interop/go && GOTOOLCHAIN=local go mod download
tools: go-tools

## terminal-tools: tmux, the real terminal tests/test_cli_terminal.py runs the command line in; installed
## from Debian's packages (pinned: Debian 12's) only when the machine has no tmux
TMUX_DEBIAN_VERSION := 3.3a-3
.PHONY: terminal-tools
terminal-tools:
	@command -v tmux >/dev/null || { \
		echo "installing tmux $(TMUX_DEBIAN_VERSION) with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tmux=$(TMUX_DEBIAN_VERSION); }
tools: terminal-tools

## test: lint, type-check, build the test tools, then the whole test suite (what .ci/run calls)
test: lint typecheck tools
	$(VENV)/bin/pytest

## generate: proto/ from the installed botocore model, generated/{python,go,ts} from proto/ (idempotent)
# Python by the pinned grpcio-tools protoc; Go and TypeScript by buf with the pinned local plugins
# (go-tools; protoc-gen-es and tsc from node_modules).
generate: $(VENV_STAMP) $(NODE_STAMP) go-tools
	$(PY) -m codegen

## baseline: record proto/ as the released API that `buf breaking` (in `make lint`) compares against
# Run at a release, after its last API change, and commit proto/baseline.binpb (a buf image, without
# source info: the breaking rules read only the definitions).
BASELINE := proto/baseline.binpb
baseline: $(NODE_STAMP)
	node_modules/.bin/buf build --exclude-source-info -o $(BASELINE)

## bench-tools: the load generator of the load benchmark (ghz), pinned, built once into .tools/bin like grpcurl
GHZ_VERSION := v0.120.0
.PHONY: bench-tools
bench-tools:
	$(call go_tool,ghz,github.com/bojand/ghz,$(GHZ_VERSION),github.com/bojand/ghz/cmd/ghz)

## bench: run the benchmarks; results (JSON and PNG plots) in bench/results/
bench: $(BENCH_STAMP) $(NODE_STAMP) bench-tools
	$(PY) -m bench

lint: $(VENV_STAMP) $(NODE_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	node_modules/.bin/buf lint
	node_modules/.bin/buf breaking --against $(BASELINE)

format: $(VENV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

typecheck: $(VENV_STAMP)
	$(VENV)/bin/mypy

## lock: re-resolve the newest allowed versions and rewrite constraints.txt
lock:
	rm -rf /tmp/sfn-grpc-lock && $(PYTHON) -m venv /tmp/sfn-grpc-lock
	/tmp/sfn-grpc-lock/bin/pip install --quiet pip==$(PIP_VERSION) && /tmp/sfn-grpc-lock/bin/pip install --quiet '$(CLIENT)[timeline]' '.[dev,embedded,bench]'
	/tmp/sfn-grpc-lock/bin/pip freeze --exclude-editable | grep -v '^sfn-grpc' > constraints.txt

clean:
	rm -rf $(VENV) node_modules .tools .pytest_cache .mypy_cache .ruff_cache .hypothesis
