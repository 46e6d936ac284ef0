# The two commands a newcomer needs: `make brief` and `make test`.
SHARED ?= ../shared

.PHONY: brief test ci bench build

# Print the brief of the three seed articles.
brief:
	go run ./cmd/parallax brief $(SHARED)/seeds/*.txt

# Run every test (with the race detector), as CI does.
test:
	go test -race ./...

# Everything CI runs: formatting, vet, staticcheck, tests, short fuzzing.
ci:
	bash .ci/run

bench:
	go test -run '^$$' -bench . -benchmem -cpu 1 ./...

build:
	go build -o parallax ./cmd/parallax
