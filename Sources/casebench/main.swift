print("casebench: under construction")
