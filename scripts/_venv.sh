# Shared by scripts/start and scripts/test: create .venv once, reinstall when pyproject changes.
ensure_venv() {
    local spec="$1"
    local python="${PYTHON:-python3}"
    if [ ! -x .venv/bin/python ]; then
        "$python" -m venv .venv
    fi
    local stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-${spec//[^a-z]/}"
    if [ ! -f "$stamp" ]; then
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -e "$spec"
        touch "$stamp"
    fi
}
