# The edition's commands. Each bootstraps .venv (and the system packages it needs) first.
#   make serve   build and preview at http://127.0.0.1:8000, rebuilt after every edit
#   make site    build everything into site/ (the previous site/ survives a failed build)
#   ENGINE=mkdocs|properdocs|zensical picks the site engine for both (default: mkdocs)
#   make test    lint, type check, data checks and all tests (what CI runs)
#   make e2e     browser tests (Playwright, system Chromium) on the MkDocs and the Zensical build,
#                and Lighthouse on the served site
#   make browser the browser tests alone (what a pull request runs)
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
BIN := .venv/bin
READY := .venv/.ready
ENGINE ?= mkdocs
export ENGINE

.PHONY: serve site test lint typecheck check pytest lock clean e2e browser bench add-text remove-text start-editing raw-lines suggest anchors

$(READY): requirements.lock scripts/bootstrap scripts/apt/site.txt
	scripts/bootstrap scripts/apt/site.txt
	touch $@

serve: $(READY)
	$(BIN)/python scripts/serve.py --engine $(ENGINE)

site: $(READY)
	$(BIN)/python scripts/build_site.py --engine $(ENGINE)

test: lint typecheck check pytest

lint: $(READY)
	$(BIN)/ruff check hooks scripts tests
	$(BIN)/ruff format --check hooks scripts tests

typecheck: $(READY)
	$(BIN)/mypy

check: $(READY)
	$(BIN)/python scripts/check.py

pytest: $(READY)
	$(BIN)/pytest -q

E2E_READY := .venv/.e2e-ready
E2E_SITE := build/e2e-site
E2E_PORT := 8765

$(E2E_READY): $(READY) scripts/apt/e2e.txt tests/lighthouse/package-lock.json
	scripts/bootstrap scripts/apt/site.txt scripts/apt/e2e.txt
	npm ci --prefix tests/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

browser: $(E2E_READY)
	$(BIN)/pytest -q -m e2e tests/e2e

e2e: browser
	ENGINE=zensical $(BIN)/pytest -q -m e2e tests/e2e   # the same reader's tests on Zensical's build
	SITE_URL=http://127.0.0.1:$(E2E_PORT)/ $(BIN)/python scripts/build_site.py --no-pdf --site-dir $(E2E_SITE)
	$(BIN)/python scripts/lighthouse.py $(E2E_SITE) --port $(E2E_PORT)

# Add a text from any source kind (SRT, WebVTT, web page, Markdown, plain text, one-line ASR):
#   make add-text RAW=path/to/episode.srt ID=episode-2 [TITLE="…"] [FORMAT=srt] [AUDIO=https://…/ep.mp3]
add-text: $(READY)
	$(BIN)/python scripts/add_text.py "$(RAW)" --id "$(ID)" --title "$(TITLE)" --format "$(FORMAT)" --kind "$(KIND)" \
		--audio "$(AUDIO)" --label "$(LABEL)" --description "$(DESCRIPTION)" --credit "$(CREDIT)" --authors "$(AUTHORS)"

# Take a text out again (the undo of add-text): make remove-text ID=episode-2
remove-text: $(READY)
	$(BIN)/python scripts/remove_text.py "$(ID)"

# A transcript's draft becomes its page's reading text, ready to edit: make start-editing ID=episode-2
start-editing: $(READY)
	$(BIN)/python scripts/start_editing.py "$(ID)"

# Pin a transcript's paragraph anchors after splitting or joining paragraphs: make anchors ID=podcast
# The raw lines behind a paragraph or a time, with their times: make raw-lines ID=… AT=p12 (or AT=12:34)
raw-lines: $(READY)
	$(BIN)/python scripts/raw_lines.py "$(ID)" "$(AT)"

# Corrections editors made elsewhere, proposed where the same recognized string stands: make suggest ID=…
suggest: $(READY)
	$(BIN)/python scripts/suggest_corrections.py "$(ID)"

anchors: $(READY)
	$(BIN)/python scripts/pin_anchors.py "$(ID)" $(if $(RENUMBER),--renumber,)

bench: $(READY)
	$(BIN)/python scripts/bench.py

# Re-pin requirements.lock from requirements.in (exact versions with hashes).
lock: $(READY)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --no-emit-find-links --no-emit-index-url --strip-extras -q -o requirements.lock requirements.in

clean:
	rm -rf site site.tmp .venv .pytest_cache .mypy_cache .ruff_cache
