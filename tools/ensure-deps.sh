#!/bin/sh
# ensure-deps.sh PKG... -- install the Debian packages reportgen needs.
#
# Installs the missing ones with apt-get when running as root; otherwise
# prints the exact command to run and fails.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "reportgen: missing packages:$missing (not a Debian system: install them by hand)" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "reportgen: missing Debian packages. Run:" >&2
	echo "    sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "reportgen: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# refresh the package lists once if they are missing or older than a day
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
	apt-get update -qq || exit 1
fi
apt-get install -y -qq --no-install-recommends $missing >/dev/null || exit 1
