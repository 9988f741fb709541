# rota — make demo: install what is missing, build, plan and verify the Heze scenario.
#        make test: install what is missing, run the whole test suite.
#        make bench: plan every generated scenario in release mode and print the figures.

SWIFT    ?= swift
SCENARIO ?= Scenarios/heze-city-2025.yaml
OUT      ?= out/heze-city-2025
ROTA      = .build/release/rota
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build demo test bench clean

# Debian packages the build and the tests need: GLPK (libglpk-dev) and, for the test that
# reads the Excel workbook back, python3-openpyxl.
deps:
	@missing=""; \
	for p in libglpk-dev python3-openpyxl; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product rota

demo: build
	$(ROTA) plan $(SCENARIO) --out $(OUT)
	$(ROTA) verify $(SCENARIO) $(OUT)/plan.json
	@echo ""
	@echo "Outputs are in $(OUT)/ (plan.json, assignments.csv)."

test: deps
	$(SWIFT) test

bench: build
	python3 scripts/bench.py

clean:
	rm -rf .build out bench-out
