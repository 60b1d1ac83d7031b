"""span_records.py OUT FILE...: every text of the files as records for span_dump (a 32-bit
little-endian length, then the bytes). A .jsonl file gives the "text" of each line and the raw
line too (odd bytes and escapes); a directory, each file whole; any other file, each line."""
import json, os, struct, sys
out = open(sys.argv[1], "wb")
def put(b):
    out.write(struct.pack("<I", len(b)) + b)
for p in sys.argv[2:]:
    if os.path.isdir(p):
        for n in sorted(os.listdir(p)):
            put(open(os.path.join(p, n), "rb").read())
    elif p.endswith(".jsonl"):
        for line in open(p, "rb"):
            try:
                t = json.loads(line).get("text")
            except Exception:
                t = None
            if isinstance(t, str):
                put(t.encode("utf-8", "surrogatepass"))
            put(line.rstrip(b"\n"))  # the raw line too: odd bytes and escapes
    else:
        for line in open(p, "rb"):
            put(line.rstrip(b"\n"))
