# rota — make demo: install what is missing, build, plan and verify the Heze scenario.
#        make test: install what is missing, run the whole test suite.
#        make bench: plan every generated scenario in release mode and print the figures,
#                    then provinces of 1, 2 and 8 Heze-like cities (BENCH_PROVINCE=1,2,8).
#        make install: build in release mode and copy `rota` to $(PREFIX)/bin (PREFIX=/usr/local).

SWIFT    ?= swift
SCENARIO ?= Scenarios/heze-city-2025.yaml
OUT      ?= out/heze-city-2025
ROTA      = .build/release/rota
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX   ?= /usr/local
# sudo only when the target folder is not writable (a PREFIX under $$HOME needs none).
SUDO_IF_NEEDED = $(shell d="$(DESTDIR)$(PREFIX)"; while [ ! -e "$$d" ]; do d=$$(dirname "$$d"); done; [ -w "$$d" ] || echo $(SUDO))

.PHONY: deps build demo test bench clean serve-demo install uninstall reference

# Debian packages the build and the tests need: GLPK (libglpk-dev), zlib (zlib1g-dev, the
# proof's gzip stream), for the test that reads the Excel workbook back python3-openpyxl,
# and for the portal's browser test chromium, chromium-driver, curl and fonts-noto-cjk (Chinese text on
# screenshots and printed pages).
deps:
	@missing=""; \
	for p in libglpk-dev zlib1g-dev python3-openpyxl chromium chromium-driver curl fonts-noto-cjk; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product rota

# Plans the Heze year (annual plan and every half-day of the rota), verifies both
# independently, re-checks the compliance proof, and shows that a tampered proof is caught.
demo: build
	$(ROTA) plan $(SCENARIO) --out $(OUT)
	@echo ""
	$(ROTA) verify $(SCENARIO) $(OUT)/plan.json > $(OUT)/.verify.txt; status=$$?; grep -E "^(PASSES|FAILS)" $(OUT)/.verify.txt; rm -f $(OUT)/.verify.txt; exit $$status
	@echo ""
	$(ROTA) check-proof $(SCENARIO) $(OUT)/plan.json $(OUT)/proof.jsonl.gz
	@echo ""
	@echo "A copy of the proof with one instance's verdict changed must be caught:"
	@gzip -dc $(OUT)/proof.jsonl.gz | sed '2s/"verdict":"pass"/"verdict":"fail"/' | gzip > $(OUT)/.tampered-proof.jsonl.gz
	@if $(ROTA) check-proof $(SCENARIO) $(OUT)/plan.json $(OUT)/.tampered-proof.jsonl.gz > $(OUT)/.tampered.txt; \
	  then echo "ERROR: the tampered proof was accepted"; rm -f $(OUT)/.tampered*; exit 1; \
	  else head -n 3 $(OUT)/.tampered.txt; echo "(caught: check-proof exits 1)"; fi
	@rm -f $(OUT)/.tampered-proof.jsonl.gz $(OUT)/.tampered.txt
	@echo ""
	@echo "Outputs are in $(OUT)/:"
	@echo "  plan.json, assignments.csv           the annual dispatch plan"
	@echo "  rota.csv, rota-grid.csv, rota.xlsx   the half-day rota (long form, grid, Excel workbook)"
	@echo "  ics/PERSON.ics, sites/SITE.csv       per-person calendars, per-site sheets"
	@echo "  report.html, report/                 overview; a page per hospital and per county"
	@echo "  proof.jsonl.gz                       the compliance proof (rota check-proof re-checks it;"
	@echo "                                       zcat it to read: one rule instance per line)"

test: deps
	$(SWIFT) test

# The commission's portal on http://localhost:8080 with the Scenarios/audit submissions and
# attendance loaded (a fresh database in out/portal-demo; log in as commission / demo-password).
serve-demo: build
	rm -rf out/portal-demo && mkdir -p out/portal-demo
	$(ROTA) serve --db out/portal-demo/portal.sqlite --create-commission commission --password demo-password
	$(ROTA) serve --db out/portal-demo/portal.sqlite --load Scenarios/audit --port 8080

bench: build
	python3 scripts/bench.py
	python3 scripts/bench_province.py

clean:
	rm -rf .build out bench-out

# rota is one executable linked against libglpk and zlib (the Debian packages `make deps`
# installs); the Swift runtime libraries stay where the toolchain put them.
install: build
	$(SUDO_IF_NEEDED) install -d $(DESTDIR)$(PREFIX)/bin
	$(SUDO_IF_NEEDED) install -m 0755 $(ROTA) $(DESTDIR)$(PREFIX)/bin/rota
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/rota"

uninstall:
	$(SUDO_IF_NEEDED) rm -f $(DESTDIR)$(PREFIX)/bin/rota

# Refresh docs/reference/ from the shared project folder beside the repository, when it is there.
SHARED ?= ../shared
reference:
	@test -d "$(SHARED)" || { echo "no $(SHARED) folder: docs/reference/ stays as committed"; exit 0; }; \
	cp "$(SHARED)/rules.md" docs/reference/rules.md && cp "$(SHARED)/spec/scenario.md" docs/reference/scenario.md && \
	cp "$(SHARED)"/seeds/* docs/reference/seeds/ && echo "docs/reference/ refreshed from $(SHARED)"
