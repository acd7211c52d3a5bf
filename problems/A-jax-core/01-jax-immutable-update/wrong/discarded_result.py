# pitfall: Throwing the result away
def accumulate_rows(seed, table, ids, rows):
    table = table.at[ids].add(rows)
    table.at[0].set(0.0)
    return table
