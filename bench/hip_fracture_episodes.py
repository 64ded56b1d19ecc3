"""Synthetic hip fracture episodes of 2025/26 for the demo's NHFD audit (the web benchmarks).

   python3 bench/hip_fracture_episodes.py FILE EPISODES

Twenty providers Z01..Z20, admissions spread evenly over the year, a fixed seed; the columns
of the audit's dataset and model (died30 ~ age + sex + asa_grade + dementia), with Z03's risk
raised by a third so that its charts signal.
"""
import datetime
import math
import random
import sys

random.seed(7)
path, n = sys.argv[1], int(sys.argv[2])
start = datetime.date(2025, 4, 1)
with open(path, "w") as out:
    out.write("organisation_code,admission_date,died30,age,sex,asa_grade,dementia\n")
    for i in range(n):
        day = start + datetime.timedelta(days=i * 365 // n)
        provider = "Z%02d" % (1 + random.randrange(20))
        age, sex, asa = random.randint(60, 100), random.choice("FM"), random.randint(1, 5)
        dementia = 1 if random.random() < 0.3 else 0
        lp = -6 + 0.04 * (age - 60) + (0.3 if sex == "M" else 0) + 0.4 * (asa - 1) + 0.5 * dementia
        risk = 1 / (1 + math.exp(-lp)) * (1.3 if provider == "Z03" else 1.0)
        out.write(f"{provider},{day.isoformat()},{1 if random.random() < risk else 0},{age},{sex},{asa},{dementia}\n")
