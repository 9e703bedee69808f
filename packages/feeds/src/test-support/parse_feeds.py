"""Parse feeds with Debian's python3-feedparser; read [{name, text}] JSON on stdin, write JSON."""
import json
import sys

try:
    import feedparser
except ImportError:
    sys.stderr.write("python3-feedparser is not installed: run apt-get install -y python3-feedparser\n")
    sys.exit(3)


def entry_of(entry):
    return {
        "id": entry.get("id"),
        "title": entry.get("title"),
        "title_type": entry.get("title_detail", {}).get("type"),
        "link": entry.get("link"),
        "published": entry.get("published"),
        "updated": entry.get("updated"),
        "tags": [{"term": t.get("term"), "scheme": t.get("scheme"), "label": t.get("label")} for t in entry.get("tags", [])],
        "content": [c.get("value") for c in entry.get("content", [])],
        "summary": entry.get("summary"),
    }


results = []
for doc in json.load(sys.stdin):
    parsed = feedparser.parse(doc["text"].encode("utf-8"))
    results.append({
        "name": doc["name"],
        "bozo": parsed.bozo,
        "bozo_exception": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "title": parsed.feed.get("title"),
        "language": parsed.feed.get("language"),
        "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in parsed.feed.get("links", [])],
        "entries": [entry_of(e) for e in parsed.entries],
    })
json.dump(results, sys.stdout)
