# make install PREFIX=~/.local   builds the release binary and installs harmoni and its datasets
PREFIX ?= $(HOME)/.local

.PHONY: install
install:
	PREFIX="$(PREFIX)" scripts/install.sh --prefix "$(PREFIX)"
