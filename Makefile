.PHONY: lab test setup bench vsix
lab:    ## start JupyterLab with jaxlings ready (installs whatever is missing)
	scripts/lab.sh
test:   ## run every test (installs whatever is missing)
	scripts/test.sh
setup:
	scripts/setup.sh
bench:
	scripts/setup.sh && .venv/bin/python benchmarks/run.py
vsix:   ## build the VS Code extension: vscode/jaxlings.vsix
	scripts/setup.sh && .venv/bin/jlpm workspace jaxlings-vscode package
