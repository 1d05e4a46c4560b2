#!/usr/bin/env python3
"""Summarise the TRX files of several `dotnet test` runs.

Usage:
  trx-summary.py [--each-run-must-execute] --run NAME STATUS TRX [--run NAME STATUS TRX ...]

  NAME    a label for the run (e.g. sqlite, postgres, browser)
  STATUS  the exit code of `dotnet test` for that run, or any non-numeric text explaining
          why the run did not happen (it then counts as 1 failed)
  TRX     path of the TRX file that run should have written

Reads the <Counters> element of each TRX file and prints one line per run, then, as the very
last line, `N passed, N failed` (or `N passed, N failed, N skipped` when something was skipped).

A run counts as 1 failed (on top of what its TRX says) when
  - its TRX file is missing or unreadable (the run crashed or never started),
  - its exit code is non-zero although its TRX reports no failure (e.g. aborted, hang timeout),
  - it executed no test and --each-run-must-execute is given.
If no test was executed over all runs, that counts as 1 failed too.
Exit status: 0 when nothing failed, 1 otherwise.
"""
import argparse
import os
import sys
import xml.etree.ElementTree as ET


def counters_of(path):
    """Returns a dict of the integer attributes of the TRX's <Counters> element, and the
    ResultSummary outcome."""
    root = ET.parse(path).getroot()
    counters = None
    outcome = None
    for el in root.iter():
        tag = el.tag.rsplit('}', 1)[-1]
        if tag == 'Counters' and counters is None:
            counters = el
        elif tag == 'ResultSummary' and outcome is None:
            outcome = el.get('outcome')
    if counters is None:
        raise ValueError('no <Counters> element')
    values = {}
    for key, value in counters.attrib.items():
        try:
            values[key] = int(value)
        except ValueError:
            pass
    return values, outcome


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--run', nargs=3, action='append', metavar=('NAME', 'STATUS', 'TRX'), default=[])
    parser.add_argument('--each-run-must-execute', action='store_true')
    args = parser.parse_args(argv)
    if not args.run:
        parser.error('give at least one --run NAME STATUS TRX')

    total_passed = total_failed = total_skipped = total_executed = 0
    lines = []
    width = max(len(name) for name, _, _ in args.run)

    for name, status, trx in args.run:
        try:
            code = int(status)
            not_run_reason = None
        except ValueError:
            code = None
            not_run_reason = status
        label = name.ljust(width)

        if not_run_reason is not None:
            total_failed += 1
            lines.append('  %s : did not run: %s -> counted as 1 failed' % (label, not_run_reason))
            continue

        if not os.path.isfile(trx):
            total_failed += 1
            lines.append('  %s : NO TRX FILE at %s (run crashed or did not start; exit code %d) -> counted as 1 failed'
                         % (label, trx, code))
            continue

        try:
            c, outcome = counters_of(trx)
        except (ET.ParseError, ValueError, OSError) as e:
            total_failed += 1
            lines.append('  %s : UNREADABLE TRX %s (%s; exit code %d) -> counted as 1 failed' % (label, trx, e, code))
            continue

        passed = c.get('passed', 0) + c.get('passedButRunAborted', 0)
        failed = c.get('failed', 0) + c.get('error', 0) + c.get('timeout', 0) + c.get('aborted', 0)
        executed = c.get('executed', passed + failed)
        # VSTest's TRX logger leaves notExecuted at 0 for skipped tests (e.g. xunit [Fact(Skip=...)]):
        # they only show as total - executed.
        skipped = max(c.get('notExecuted', 0) + c.get('notRunnable', 0) + c.get('inconclusive', 0),
                      c.get('total', 0) - executed)
        notes = []
        if code != 0 and failed == 0:
            failed += 1
            notes.append('dotnet test exited with code %d but the TRX reports no failed test '
                         '(outcome %s) -> counted as 1 failed' % (code, outcome or '?'))
        elif code != 0:
            notes.append('exit code %d' % code)
        if executed == 0 and args.each_run_must_execute:
            failed += 1
            notes.append('NO TEST EXECUTED -> counted as 1 failed')

        total_passed += passed
        total_failed += failed
        total_skipped += skipped
        total_executed += executed
        text = '%d passed, %d failed, %d skipped (total %s, outcome %s)' % (
            passed, failed, skipped, c.get('total', '?'), outcome or '?')
        if notes:
            text += '; ' + '; '.join(notes)
        lines.append('  %s : %s' % (label, text))

    if total_executed == 0:
        total_failed += 1
        lines.append('  NO TEST WAS EXECUTED IN ANY RUN -> counted as 1 failed')

    print('Test summary (%d run%s):' % (len(args.run), '' if len(args.run) == 1 else 's'))
    for line in lines:
        print(line)
    final = '%d passed, %d failed' % (total_passed, total_failed)
    if total_skipped > 0:
        final += ', %d skipped' % total_skipped
    sys.stdout.flush()
    print(final)
    return 1 if total_failed > 0 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
