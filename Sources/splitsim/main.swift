print("splitsim")
