"""The same job as `skifteplan plan LIST --model 2 --xlsx OUT`, done with pandas + openpyxl.

Used only by `cargo bench --bench speed` as the reference for the whole command; never by tests.
Reads both sheets of a list written by `examples/gen_list.rs`, parses dates (real date cells and
day-first text), joins by CPR, builds model-2 action rows (close every active form on the switch
date D, register it again on D + 1) and writes them as an xlsx action sheet with openpyxl
(write-only mode, the fastest openpyxl offers).

usage: python3 benches/pandas_plan.py LIST.xlsx OUT.xlsx YYYY-MM-DD
"""

import sys
from datetime import date, datetime, timedelta

import pandas as pd
from openpyxl import Workbook


def to_date(v):
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    s = str(v).strip()
    for fmt in ("%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    return None


def norm_cpr(v):
    s = str(v).strip().replace("-", "")
    return s.zfill(10) if s.isdigit() else None


def main():
    src, out, switch = sys.argv[1], sys.argv[2], sys.argv[3]
    d = datetime.strptime(switch, "%Y-%m-%d").date()
    d1 = d + timedelta(days=1)
    sheets = pd.read_excel(src, sheet_name=None, engine="openpyxl", dtype=object)
    anm = sheets["Anmodninger"]
    ind = sheets["Indskrivninger"]
    for col in ["Anmodningsdato", "Iværksættelsesdato", "Tilknytningsdato", "Faktisk slutdato"]:
        anm[col] = anm[col].map(to_date)
    anm["KvalHepDato"] = anm["KvalHep"].map(to_date)
    for col in ["Indskrivningsdato", "Ydelse startdato"]:
        ind[col] = ind[col].map(to_date)
    anm["cpr"] = anm["CPR"].map(norm_cpr)
    ind["cpr"] = ind["CPR"].map(norm_cpr)
    anm["row"] = anm.index + 2
    ind["row"] = ind.index + 2

    joined = pd.merge(anm, ind, on="cpr", how="outer", suffixes=("", "_ind"), sort=False)
    joined = joined.rename(columns={
        "Anmodning ID": "anm_id", "Faktisk slutdato": "slut", "Indskrivning ID": "ind_id",
        "Ydelse startdato": "ydelse_start",
    })

    rows = []
    for no, r in enumerate(joined.itertuples(index=False), start=1):
        cpr = r.cpr
        masked = cpr[:6] + "-xxxx"
        name = r.Navn if isinstance(r.Navn, str) else r.Navn_ind
        glemt = isinstance(r.Glemt, str) and r.Glemt.strip().lower() in ("ja", "x")
        end = r.slut if glemt else None
        close = end or d
        forms = []
        if r.Anmodningsdato is not None and not pd.isna(r.row):
            src_ref = f"Anmodninger:{int(r.row)}"
            forms.append(("Anmodning", r.Anmodningsdato, r.anm_id, src_ref))
            if r.Iværksættelsesdato is not None:
                forms.append(("Iværksættelse", r.Iværksættelsesdato, None, src_ref))
            if r.Tilknytningsdato is not None:
                forms.append(("Tilbudstilknytning", r.Tilknytningsdato, None, src_ref))
            if r.KvalHepDato is not None or r.KvalHep == "Ja":
                forms.append(("KvalHep", r.KvalHepDato, None, src_ref))
        if r.Indskrivningsdato is not None and not pd.isna(r.row_ind):
            src_ref = f"Indskrivninger:{int(r.row_ind)}"
            forms.append(("Indskrivning", r.Indskrivningsdato, r.ind_id, src_ref))
            for y in str(r.Ydelse or "").split(";"):
                if y.strip():
                    forms.append(("Ydelse " + y.strip(), r.ydelse_start, None, src_ref))
        step = 0
        for form, start, case_id, src_ref in forms:
            step += 1
            rows.append([no, masked, name, step, "SMDB", form, "Afslut", close, start, case_id, src_ref])
        if not glemt:
            for form, start, case_id, src_ref in forms:
                step += 1
                rows.append([no, masked, name, step, "SMDB", form, "Registrér", d1, start, case_id, src_ref])

    frame = pd.DataFrame(
        rows,
        columns=["Borger nr", "CPR", "Navn", "Trin", "System", "Skema", "Handling", "Dato",
                 "Oprindelig dato", "Sags-ID", "Kilde"],
    )
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Handlinger")
    ws.append(list(frame.columns))
    for rec in frame.itertuples(index=False):
        ws.append(list(rec))
    wb.save(out)
    print(f"{len(frame)} action rows", file=sys.stderr)


if __name__ == "__main__":
    main()
