#!/usr/bin/env bash
# Screenshots of a section page in headless Chromium: desktop and phone, light and dark, with the
# reader's widgets open, and the print stylesheet. They go to target/screenshots (replaced each run).
#
#   bench/screenshot.sh             # look at them
#   bench/screenshot.sh --update    # also replace docs/screenshot-section.png, the README's picture
#
# Needs what the browser tests need: apt-get install -y chromium chromium-driver fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."

update=false
case "${1:-}" in
  --update) update=true ;;
  "") ;;
  *) echo "usage: bench/screenshot.sh [--update]" >&2; exit 2 ;;
esac

# the tool lives with the browser tests (it uses their Chromium set-up and site server)
mvn -B -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -Dscreenshot.update="$update" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.bitext.browser.Screenshots
