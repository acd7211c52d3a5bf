# pitfall: Zeroing the padding row first
def accumulate_rows(seed, table, ids, rows):
    table = table.at[0].set(0.0)
    table = table.at[ids].add(rows)
    return table
