# Mishu: `make demo` to try it, `make test` to test it. Works from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEB_PACKAGES := chromium fonts-noto-cjk fonts-arphic-ukai poppler-utils gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
PYTEST_ARGS ?=

.PHONY: setup demo serve test lint format deb messages clean

$(BIN)/mishu: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/mishu ## Prepare .venv with Mishu and its dependencies

demo: setup ## Migrate the SQLite database under var/, load the demo data, serve on http://127.0.0.1:8000/
	mkdir -p var
	$(BIN)/mishu migrate --noinput
	$(BIN)/mishu loaddemo
	@echo ""
	@echo "Mishu 秘書 is starting on http://$(HOST):$(PORT)/"
	@echo "Log in as admin / mishu-demo (administrator), or as any demo user listed above (password mishu-demo)."
	@echo ""
	$(BIN)/mishu runserver $(HOST):$(PORT)

serve: setup
	$(BIN)/mishu runserver $(HOST):$(PORT)

deb: ## Debian packages the test suite uses (browser, CJK fonts, PDF libraries)
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: setup deb ## Install what the tests need and run the whole suite (DATABASE_URL picks the database)
	$(BIN)/ruff check src bench conftest.py
	mkdir -p var
	$(BIN)/mishu makemigrations --check --dry-run >/dev/null
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src bench conftest.py
	$(BIN)/ruff format --check src bench conftest.py

format: setup
	$(BIN)/ruff check --fix src bench conftest.py
	$(BIN)/ruff format src bench conftest.py

messages: setup ## Re-extract and compile the translation catalogues
	cd src/mishu && ../../$(BIN)/mishu makemessages -l zh_Hant -l en --no-obsolete && ../../$(BIN)/mishu compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
