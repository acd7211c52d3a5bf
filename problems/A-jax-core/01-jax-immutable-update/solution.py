def accumulate_rows(seed, table, ids, rows):
    # Scatter-add every row into its id; repeated ids accumulate.
    table = table.at[ids].add(rows)
    # The padding row (id 0) is kept at zero.
    table = table.at[0].set(0.0)
    return table
