"""Extraction throughput on the synthetic corpus (issue 4 asks for it there): python bench/extraction_speed_synthetic.py"""
import time, resource
from vigil.core.synth import generate_reports
from vigil.core.extract import extract
docs = list(generate_reports(2000, seed=11))
extract(docs[0]["text"], published=docs[0]["published"])
t0, c0 = time.perf_counter(), time.process_time()
for d in docs:
    extract(d["text"], published=d["published"], language=d["language"])
w, c = time.perf_counter() - t0, time.process_time() - c0
print(f"synthetic corpus: {len(docs)} reports in {w:.1f} s wall: {len(docs)/w:.0f} reports/s wall-clock, {len(docs)/c:.0f} per CPU-second; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} MiB")
