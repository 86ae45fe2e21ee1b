#!/usr/bin/env sh
# Print the path of a Python 3.10 interpreter (Rasa 3.6 needs 3.8-3.10), or fail with a clear message.
for candidate in "${PYTHON310:-}" "$(command -v python3.10 2>/dev/null)" \
    "$(pyenv root 2>/dev/null)"/versions/3.10.*/bin/python3.10 \
    "$HOME"/.pyenv/versions/3.10.*/bin/python3.10 /root/.pyenv/versions/3.10.*/bin/python3.10 \
    /usr/bin/python3.10 /usr/local/bin/python3.10; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
    echo "$candidate"
    exit 0
  fi
done
echo "error: Python 3.10 not found. Rasa 3.6 needs Python 3.8-3.10. Install it (e.g. 'pyenv install 3.10.13') or set PYTHON310=/path/to/python3.10." >&2
exit 1
