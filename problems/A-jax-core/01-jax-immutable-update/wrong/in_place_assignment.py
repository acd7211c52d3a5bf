# pitfall: Assigning in place
def accumulate_rows(seed, table, ids, rows):
    table[ids] += rows
    table[0] = 0.0
    return table
