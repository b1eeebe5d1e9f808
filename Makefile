# Every target sets up what it needs from a fresh clone: Python, pip and make are enough.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench kb-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m bot serve

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check bot knowledge conversations
	$(VENV)/bin/mypy

eval: $(STAMP)
	$(PY) ../shared/eval/score_qa.py tests/data/eval_questions.jsonl --cmd "$(PY) -m bot ask --json"
	$(PY) ../shared/eval/score_qa.py ../shared/eval/sample_questions.jsonl --cmd "$(PY) -m bot ask --json"
	$(PY) ../shared/eval/score_qa.py tests/data/eval_holdout.jsonl --cmd "$(PY) -m bot ask --json"
	$(PY) ../shared/eval/score_qa.py tests/data/eval_realistic.jsonl --cmd "$(PY) -m bot ask --json"
	$(PY) ../shared/eval/score_qa.py ../shared/eval/sample_realistic.jsonl --cmd "$(PY) -m bot ask --json"
	$(PY) bench/score_followups.py

kb-check: $(STAMP)
	$(PY) -m bot kb check

bench: $(STAMP)
	$(PY) bench/qa_speed.py
	$(PY) bench/load.py
	$(PY) bench/web_load.py

clean:
	rm -rf $(VENV) build *.egg-info
