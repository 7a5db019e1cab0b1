"""Run every benchmark module and print its timings."""

from benchmarks import board

if __name__ == "__main__":
    board.main()
