#!/usr/bin/env python3
"""Rater on Apache Spark: partitions of comments piped through `rater analyze`, partials merged by `rater aggregate`.

    spark-submit scripts/spark/rater_job.py --rater .build/release/rater --lexicons Lexicons \
        --input 'hdfs:///comments/2026/*.jsonl' --format jsonl --partitions 64 \
        --results out/results.parquet --aggregate-csv out/aggregates.csv

How it works, and why:
- The input is read as lines (`textFile`) and repartitioned. JSON Lines needs nothing else: every line stands
  alone. A CSV header would reach one partition only, so it is read once on the driver, removed from the data
  (every line equal to it, so several files with the same header work), and every partition runs
  `rater analyze --format csv --column-names <the header's names>`: fields are named, and text and id columns
  found, exactly as in a single-machine run of the whole file. CSV fields with line breaks inside quotes cannot be
  split by lines: convert such exports to JSON Lines first (`rater records` or any CSV reader).
- Each partition runs the `rater` binary as a child process (a pipe stage: records stream to its standard input
  from one thread while results stream back from its standard output, so memory stays flat). It is started from
  `mapPartitions` rather than `rdd.pipe` because the binary's path must be resolved on the executor with
  `SparkFiles.get`; a command string built on the driver would name the driver's path.
- The binary and the lexicon folder travel with the job (`SparkContext.addFile`); RATER_LEXICONS points the
  binary at the executor's copy.
- Every partition also writes an aggregate partial (`--aggregate-partial`). Partials are collected on the driver
  and merged by `rater aggregate`, Rater's own merge: fixed-point sums, so the aggregates equal a single-machine
  run's exactly, whatever the partitioning. No aggregate arithmetic happens in Python.
- Results go to Parquet through Spark's own writer (DataFrame from the JSON strings), and optionally to JSON
  Lines as Rater wrote them (`--results-jsonl`), which is what the equality test compares.

Results carry `source: "-"` and record numbers counted within their partition: ids must come from the data
(`id` member or `--id-column`), since `<source>:<record>` would repeat across partitions.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import threading

def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rater", required=True, help="the rater binary on the driver (shipped to executors)")
    parser.add_argument("--lexicons", required=True, help="the Lexicons folder on the driver (shipped to executors)")
    parser.add_argument("--input", required=True, help="input path or pattern Spark can read (JSON Lines or CSV)")
    parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    parser.add_argument("--delimiter", default=",", help="CSV delimiter: ',', ';', '|' or 'tab'")
    parser.add_argument("--partitions", type=int, default=0, help="repartition to this many (default: as read)")
    parser.add_argument("--jobs", type=int, default=1, help="rater --jobs per partition (= executor cores per task)")
    parser.add_argument("--text-column", help="JSONL member or CSV header name holding the comment")
    parser.add_argument("--id-column", help="JSONL member or CSV header name holding the id")
    parser.add_argument("--rater-args", default="", help="more `rater analyze` options (e.g. '--profile hotel --no-explanation')")
    parser.add_argument("--aggregate-args", default="",
                        help="aggregation options, given to analyze (partials) and aggregate alike (e.g. '--group-by store')")
    parser.add_argument("--results", required=True, help="where to write per-comment results as Parquet")
    parser.add_argument("--results-jsonl", help="also write results as JSON Lines (one file) here")
    parser.add_argument("--rejects", help="write rejected records (JSON Lines, one file) here")
    parser.add_argument("--aggregate-csv", help="write the merged aggregates as CSV here (on the driver)")
    parser.add_argument("--aggregate-partial", help="write the merged partial here (for merging with other runs)")
    parser.add_argument("--master", help="Spark master when run with plain python (spark-submit sets it)")
    return parser.parse_args(argv)


def csv_column_names(header_line, delimiter):
    """The header's names, for `rater --column-names`: each partition's fields are then named as in the whole file."""
    import csv
    names = [name.strip() for name in next(csv.reader([header_line], delimiter=delimiter))]
    if any("," in name for name in names):
        raise SystemExit("rater_job: a CSV header name contains a comma, which --column-names cannot express")
    return ",".join(names)


def analyze_partition(lines, command, lexicons_name, rater_name):
    """Runs `rater analyze` over one partition; yields ('r', result line), ('x', rejection line), ('p', partial)."""
    from pyspark import SparkFiles
    rater = SparkFiles.get(rater_name)
    if not os.access(rater, os.X_OK):
        os.chmod(rater, 0o755)
    environment = dict(os.environ, RATER_LEXICONS=SparkFiles.get(lexicons_name))
    with tempfile.TemporaryDirectory(prefix="rater-partition-") as directory:
        partial = os.path.join(directory, "partial.json")
        rejects = os.path.join(directory, "rejects.jsonl")
        child = subprocess.Popen([rater, "analyze", *command, "--aggregate-partial", partial, "--rejects", rejects,
                                  "--output", "-", "-"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
        failure = []

        def feed():
            # Records go in from this thread while results come out below, like Spark's own PipedRDD.
            try:
                for line in lines:
                    child.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass  # rater stopped early; its exit code and standard error say why
            except BaseException as error:  # noqa: BLE001 - reported below, on the task's thread
                failure.append(error)
            finally:
                try:
                    child.stdin.close()
                except BrokenPipeError:
                    pass

        errors = []
        drain = threading.Thread(target=lambda: errors.append(child.stderr.read()), daemon=True)
        writer = threading.Thread(target=feed, daemon=True)
        drain.start()
        writer.start()
        for line in child.stdout:
            yield ("r", line.decode("utf-8").rstrip("\n"))
        writer.join()
        status = child.wait()
        drain.join()
        if failure:
            raise failure[0]
        # Exit 3 means "finished, some records rejected": rejections are data, returned beside the results.
        if status not in (0, 3):
            message = b"".join(errors).decode("utf-8", "replace")[-4000:]
            raise RuntimeError(f"rater analyze exited with {status}: {message}")
        if os.path.exists(rejects):
            with open(rejects, encoding="utf-8") as file:
                for line in file:
                    if line.strip():
                        yield ("x", line.rstrip("\n"))
        with open(partial, encoding="utf-8") as file:
            yield ("p", file.read())


def main(argv=None):
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("rater")
    if arguments.master:
        builder = builder.master(arguments.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    rater = os.path.abspath(arguments.rater)
    lexicons = os.path.abspath(arguments.lexicons)
    context.addFile(rater)
    context.addFile(lexicons, recursive=True)

    lines = context.textFile(arguments.input)
    command = ["--jobs", str(arguments.jobs), *shlex.split(arguments.rater_args), *shlex.split(arguments.aggregate_args)]
    if arguments.format == "csv":
        header = lines.first()
        lines = lines.filter(lambda line, header=header: line != header)
        delimiter = "\t" if arguments.delimiter == "tab" else arguments.delimiter
        command += ["--format", "csv", "--delimiter", arguments.delimiter,
                    "--column-names", csv_column_names(header, delimiter)]
    else:
        command += ["--format", "jsonl"]
    if arguments.text_column:
        command += ["--text-column", arguments.text_column]
    if arguments.id_column:
        command += ["--id-column", arguments.id_column]
    if arguments.partitions > 0:
        lines = lines.repartition(arguments.partitions)

    rater_name = os.path.basename(rater)
    lexicons_name = os.path.basename(lexicons.rstrip("/"))
    analysed = lines.mapPartitions(
        lambda partition: analyze_partition(partition, command, lexicons_name, rater_name)).cache()
    results = analysed.filter(lambda item: item[0] == "r").map(lambda item: item[1])

    spark.read.json(results).write.mode("overwrite").parquet(arguments.results)
    if arguments.results_jsonl:
        write_lines(results.toLocalIterator(), arguments.results_jsonl)
    if arguments.rejects:
        write_lines(analysed.filter(lambda item: item[0] == "x").map(lambda item: item[1]).toLocalIterator(),
                    arguments.rejects)

    partials = analysed.filter(lambda item: item[0] == "p").map(lambda item: item[1]).collect()
    with tempfile.TemporaryDirectory(prefix="rater-partials-") as directory:
        paths = []
        for index, partial in enumerate(partials):
            path = os.path.join(directory, f"partial-{index:05d}.json")
            with open(path, "w", encoding="utf-8") as file:
                file.write(partial)
            paths.append(path)
        outputs = []
        if arguments.aggregate_csv:
            outputs += ["--aggregate-csv", arguments.aggregate_csv]
        if arguments.aggregate_partial:
            outputs += ["--aggregate-partial", arguments.aggregate_partial]
        if outputs:
            # Rater's own merge on the driver: the same code as `rater aggregate` on one machine.
            subprocess.run([rater, "aggregate", *shlex.split(arguments.aggregate_args), *outputs, *paths], check=True,
                           env=dict(os.environ, RATER_LEXICONS=lexicons))
    print(f"rater_job: {len(partials)} partitions merged", file=sys.stderr)
    spark.stop()


def write_lines(lines, path):
    with open(path, "w", encoding="utf-8") as file:
        for line in lines:
            file.write(line + "\n")


if __name__ == "__main__":
    main()
