# pitfall: Using set where add is meant
def accumulate_rows(seed, table, ids, rows):
    table = table.at[ids].set(table[ids] + rows)
    table = table.at[0].set(0.0)
    return table
