# -*- coding: utf-8 -*-
# Shared by the berth modules: run the berth CLI by argv (never through a shell) and read its JSON.
from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

ENV = {'LC_ALL': 'C.UTF-8', 'NO_COLOR': '1'}

# The options every module takes, documented once in doc_fragments/berth.py.
COMMON_ARGS = dict(
    user=dict(type='bool', default=False),
    berth_path=dict(type='path'),
)


class BerthError(Exception):
    """A failure berth reported, with its problems and fixes."""

    def __init__(self, msg, errors, rc=None, stdout=None, stderr=None):
        super(BerthError, self).__init__(msg)
        self.msg = msg
        self.errors = errors
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr


def berth_argv(module, command, *args):
    """berth COMMAND [--user] ARGS...: the executable from berth_path or PATH."""
    berth = module.params.get('berth_path') or module.get_bin_path('berth', required=True)
    argv = [berth, command]
    if module.params.get('user'):
        argv.append('--user')
    return argv + list(args)


def problems_of(doc):
    """berth's errors as a list of {kind, name, problem, fix}, whatever command printed them.

    Lifecycle commands print {"errors": [{kind, name, problem, fix}]}; apply and remove print
    {"errors": ["problem", ...], "diagnostics": [{file, line, column, severity, message, fix}], "units": [...]};
    start/stop rows carry succeeded/problem/fix, enable rows problem/fix and a job.
    """
    problems = []
    if not isinstance(doc, dict):
        return problems
    for e in doc.get('errors') or []:
        if isinstance(e, dict):
            problems.append({'kind': e.get('kind'), 'name': e.get('name'),
                             'problem': e.get('problem'), 'fix': e.get('fix')})
        else:
            problems.append({'kind': 'error', 'name': None, 'problem': str(e), 'fix': None})
    for d in doc.get('diagnostics') or []:
        if isinstance(d, dict) and d.get('severity') == 'error':
            where = '%s:%s:%s' % (d.get('file'), d.get('line'), d.get('column'))
            problems.append({'kind': 'diagnostic', 'name': d.get('file'),
                             'problem': '%s: error: %s' % (where, d.get('message')), 'fix': d.get('fix')})
    for u in doc.get('units') or []:
        if not isinstance(u, dict):
            continue
        job = u.get('job') if isinstance(u.get('job'), dict) else {}
        if u.get('succeeded') is False or job.get('succeeded') is False:
            problems.append({'kind': 'job', 'name': u.get('name'),
                             'problem': u.get('problem') or job.get('problem') or '%s failed' % u.get('name'),
                             'fix': u.get('fix') or job.get('fix')})
        elif u.get('problem'):
            problems.append({'kind': 'unit', 'name': u.get('name'), 'problem': u.get('problem'),
                             'fix': u.get('fix')})
        elif u.get('message'):
            problems.append({'kind': 'unit', 'name': u.get('name'),
                             'problem': '%s: %s' % (u.get('name'), u.get('message')), 'fix': None})
    return problems


def summarize(problems):
    """One message for fail_json: every problem and, when known, its fix."""
    parts = []
    for p in problems:
        line = p.get('problem') or 'berth failed'
        if p.get('fix'):
            line += ' (fix: %s)' % p['fix']
        parts.append(line)
    return '; '.join(parts) if parts else 'berth failed'


def run_json(module, command, args, ok_codes=(0,)):
    """Runs berth COMMAND --format json ARGS; returns the document, or raises BerthError with berth's problems."""
    argv = berth_argv(module, command, '--format', 'json', *args)
    rc, out, err = module.run_command(argv, environ_update=ENV)
    try:
        doc = json.loads(out) if out.strip() else {}
    except ValueError:
        raise BerthError('berth %s printed no JSON (exit %d): %s' % (command, rc, (err or out).strip()), [],
                         rc, out, err)
    if rc not in ok_codes:
        problems = problems_of(doc)
        if not problems:
            problems = [{'kind': 'error', 'name': None,
                         'problem': (err or out).strip() or 'berth %s exited with %d' % (command, rc), 'fix': None}]
        raise BerthError(summarize(problems), problems, rc, out, err)
    return doc


def run_text(module, command, args):
    """Runs berth COMMAND ARGS with text output; returns (rc, stdout, stderr)."""
    return module.run_command(berth_argv(module, command, *args), environ_update=ENV)


def fail(module, error, **extra):
    """fail_json with berth's problems and fixes."""
    module.fail_json(msg=error.msg, errors=error.errors, rc=error.rc, stdout=error.stdout, stderr=error.stderr,
                     **extra)


def unit_status(module, name):
    """berth status NAME: the unit's row ({name, source, managed, state: {activeState, ...} or null})."""
    doc = run_json(module, 'status', [name], ok_codes=(0, 3))
    units = doc.get('units') or []
    return units[0] if units else None


def installed_units(module):
    """berth list: every Quadlet file of the search path ({name, file, kind, source, ...})."""
    return run_json(module, 'list', []).get('units') or []
