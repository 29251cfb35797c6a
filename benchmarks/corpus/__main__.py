from benchmarks.corpus.generate import main

main()
