#!/usr/bin/env bash
# Regenerates the CC0 demo audio clips of the two demo sound-walk trails
# (src/lib/server/db/seed/trail-media/*.mp3) from the French narration below,
# with espeak-ng (French voice) and ffmpeg (mono MP3, 22.05 kHz, 32 kbit/s CBR).
#
# Needs: espeak-ng, ffmpeg, ffprobe   (Debian: apt-get install -y espeak-ng ffmpeg)
# Usage: scripts/make-demo-audio.sh
#
# The narration here must stay identical to the `transcript` fields of
# src/lib/server/db/seed/trail-media/clips.ts; the script checks this at the end
# and prints each clip's duration so `durationSeconds` can be updated.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/src/lib/server/db/seed/trail-media"
MANIFEST="$OUT/clips.ts"

VOICE="fr"        # espeak-ng French (France) voice
SPEED=150         # words per minute (espeak-ng default is 175)
PITCH=45          # 0-99, espeak-ng default is 50
SAMPLE_RATE=22050 # Hz
BITRATE=32k       # constant bit rate
GAIN=3dB          # espeak-ng peaks around -4 dBFS; this brings the clips near -1 dBFS
MAX_BYTES=60000
MIN_SECONDS=6
MAX_SECONDS=12

for tool in espeak-ng ffmpeg ffprobe; do
	command -v "$tool" >/dev/null || {
		echo "missing $tool (apt-get install -y espeak-ng ffmpeg)" >&2
		exit 1
	}
done

# Spellings given to the synthesiser only, so that it pronounces the word the
# French way; the transcript keeps the normal spelling.
pronounce() {
	local text="$1"
	text="${text//Penfeld/Pènfèld}" # otherwise espeak-ng reads it as English
	printf '%s' "$text"
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

declare -a FILES=() TEXTS=()

# clip <trail-slug> <stop number> <French narration>
clip() {
	local slug="$1" n="$2" text="$3"
	local name="$slug-$n.mp3"
	local wav="$TMP/$slug-$n.wav"
	espeak-ng -v "$VOICE" -s "$SPEED" -p "$PITCH" -w "$wav" "$(pronounce "$text")"
	ffmpeg -nostdin -hide_banner -loglevel error -y \
		-i "$wav" \
		-map_metadata -1 -map_chapters -1 \
		-af "volume=$GAIN" -ac 1 -ar "$SAMPLE_RATE" \
		-c:a libmp3lame -b:a "$BITRATE" \
		-fflags +bitexact -flags:a +bitexact \
		-id3v2_version 0 -write_id3v1 0 \
		"$OUT/$name"
	FILES+=("$name")
	TEXTS+=("$text")
}

# --- Trail 1: Sons de Recouvrance / Sounds of Recouvrance (published) ---------
T1=sounds-of-recouvrance
clip "$T1" 1 "Vous êtes sur le pont de Recouvrance, un pont levant qui enjambe la Penfeld. Son tablier central peut s'élever pour laisser passer les navires."
clip "$T1" 2 "Voici la tour Tanguy, une tour médiévale au bord de la Penfeld. Elle abrite aujourd'hui un musée qui raconte le Brest d'autrefois."
clip "$T1" 3 "La rue Saint-Malo est l'une des rares rues anciennes de Brest à avoir survécu à la guerre. Ses pavés et ses vieilles maisons gardent la mémoire du quartier."
clip "$T1" 4 "Les Ateliers des Capucins sont d'anciens ateliers de la Marine, devenus un grand lieu public. On peut y arriver en téléphérique, au-dessus de la Penfeld."
clip "$T1" 5 "Le jardin des explorateurs rend hommage aux navigateurs partis de Brest. On y croise des plantes venues de pays lointains. Merci de votre écoute !"

# --- Trail 2: Les lavoirs de Recouvrance (waiting for moderation) -------------
T2=lavoirs-de-recouvrance
clip "$T2" 1 "Près de la rue Saint-Malo, on venait autrefois laver le linge au lavoir. Imaginez le bruit de l'eau, des battoirs et des conversations entre voisines."
clip "$T2" 2 "Dans le vallon de Pontaniou, l'eau descend vers la Penfeld. Fontaines et lavoirs servaient à boire, à cuisiner et à laver."
clip "$T2" 3 "D'ici, on domine la Penfeld. Tendez l'oreille : les bruits du port et de la ville se mêlent au clapotis de la rivière."

# durationSeconds recorded in clips.ts for a file (empty when not found)
manifest_duration() {
	awk -v key="file: '$1'" '
		index($0, key) { found = 1 }
		found && /durationSeconds:/ { sub(/.*durationSeconds:[[:space:]]*/, ""); sub(/[^0-9.].*/, ""); print; exit }
	' "$MANIFEST"
}

# --- Report -------------------------------------------------------------------
status=0
printf '%-32s %8s %9s\n' file bytes seconds
for i in "${!FILES[@]}"; do
	f="${FILES[$i]}"
	bytes=$(stat -c %s "$OUT/$f")
	secs=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/$f")
	rounded=$(LC_ALL=C printf '%.1f' "$secs")
	printf '%-32s %8d %9s\n' "$f" "$bytes" "$rounded"
	if ((bytes >= MAX_BYTES)); then
		echo "  ! $f is not under $MAX_BYTES bytes" >&2
		status=1
	fi
	if ! LC_ALL=C awk -v s="$secs" -v lo="$MIN_SECONDS" -v hi="$MAX_SECONDS" 'BEGIN { exit !(s >= lo && s <= hi) }'; then
		echo "  ! $f lasts ${rounded}s, outside ${MIN_SECONDS}-${MAX_SECONDS}s" >&2
		status=1
	fi
	if [[ -f "$MANIFEST" ]] && ! grep -qF -- "${TEXTS[$i]}" "$MANIFEST"; then
		echo "  ! the narration of $f is not a transcript in clips.ts" >&2
		status=1
	fi
	if [[ -f "$MANIFEST" ]]; then
		recorded=$(manifest_duration "$f")
		if ! LC_ALL=C awk -v a="${recorded:-x}" -v b="$rounded" 'BEGIN { exit !(a ~ /^[0-9.]+$/ && (a - b) ^ 2 < 0.0025) }'; then
			echo "  ! clips.ts gives durationSeconds ${recorded:-(none)} for $f, measured $rounded" >&2
			status=1
		fi
	fi
done
exit "$status"
