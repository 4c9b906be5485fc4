#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: berth_apply
short_description: Install or remove Quadlet files with berth, idempotently
description:
  - With C(state=present), wraps C(berth apply --format json), which validates the files together with the installed
    ones (any error and nothing changes), writes the changed files atomically into the install directory
    (C(/etc/containers/systemd), or C(~/.config/containers/systemd) with I(user)), reloads systemd, restarts the
    running units whose generated unit changed and starts new units enabled by C([Install]).
  - With C(state=absent), wraps C(berth remove --format json) for the Quadlet files named by I(src) or I(name)
    that are installed; files that are already gone are no change.
  - C(changed) is berth's own answer (C("changed") of its JSON), true only when a file was written or removed
    or a unit was started, restarted or stopped. A second run with the same input reports no change.
  - Check mode runs berth with C(--dry-run). Diff mode shows berth's unified diff of the install directory;
    berth does not print the content of a file that is not world-readable (secrets), it says the content changed.
  - Failures come back through C(fail_json) with berth's problem and fix for each error (C(errors)), including
    C(file:line:col) for an invalid file.
options:
  src:
    description:
      - Quadlet files or directories to install (on the managed host). A directory is installed with its tree; a
        file with the drop-in directories beside it.
      - With C(state=absent), the Quadlet files (by file name) of these paths are removed.
    type: list
    elements: path
  name:
    description:
      - With C(state=absent), Quadlet file or unit names to remove (C(web), C(web.container), C(web.service)).
    type: list
    elements: str
  state:
    description: Whether the files should be installed or gone.
    type: str
    choices: [present, absent]
    default: present
  force:
    description: With C(state=absent), remove even while other installed files refer to these.
    type: bool
    default: false
extends_documentation_fragment:
  - berth.berth.berth
author:
  - berth developers
'''

EXAMPLES = r'''
- name: Install the web server's Quadlet files and start what they enable
  berth.berth.berth_apply:
    src: /srv/specs/web

- name: Remove them (no change when already gone)
  berth.berth.berth_apply:
    src: /srv/specs/web
    state: absent
'''

RETURN = r'''
changed:
  description: Whether a file was written or removed, or a unit started, restarted or stopped.
  returned: always
  type: bool
files:
  description: Every file of the request and what happened to it (C(path), C(action)).
  returned: when berth ran
  type: list
units:
  description: Every unit whose generated text changed and what was done (C(name), C(change), C(action), C(result)).
  returned: when berth ran
  type: list
summary:
  description: berth's one-line summary ("1 file changed, 1 unit started").
  returned: when berth ran
  type: str
diagnostics:
  description: Warnings (and errors) berth found in the files, each with file, line, column, message and fix.
  returned: when berth ran
  type: list
errors:
  description: On failure, berth's problems, each with C(kind), C(name), C(problem) and C(fix).
  returned: failure
  type: list
'''

import os

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.berth.berth.plugins.module_utils.berth import (
    COMMON_ARGS, BerthError, fail, installed_units, run_json, run_text)

QUADLET_KINDS = ('.container', '.volume', '.network', '.pod', '.kube', '.image', '.build', '.artifact')


def changed_of(doc):
    units_acted = any((u.get('action') or 'none') != 'none' for u in doc.get('units') or [] if isinstance(u, dict))
    return bool(doc.get('changed')) or (units_acted and not doc.get('dryRun'))


def quadlet_names(paths):
    """The Quadlet file names of these paths (a directory: the Quadlet files in its tree)."""
    names = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith('.') and not d.endswith('.d')]
                names.extend(sorted(f for f in files if f.endswith(QUADLET_KINDS)))
        else:
            names.append(os.path.basename(path))
    return names


def install_directory(module):
    """Where berth apply installs: /etc/containers/systemd, or the user's containers/systemd config directory."""
    if not module.params['user']:
        return '/etc/containers/systemd'
    config = os.environ.get('XDG_CONFIG_HOME') or os.path.join(os.path.expanduser('~'), '.config')
    return os.path.join(config, 'containers', 'systemd')


def diff_of(module, args, sources):
    """berth's own unified diff of a dry run, with the content of any file that is not world-readable (on the host
    now, or in the request) replaced by one line: secrets never reach the play's output, whatever berth prints."""
    rc, out, err = run_text(module, args[0], ['--dry-run'] + args[1:])
    if rc != 0 or not out.strip():
        return None
    return {'prepared': redact(out, sources, install_directory(module))}


def private(path):
    """True when path exists and is not world-readable (a secret: berth never widens such a mode)."""
    try:
        return not (os.stat(path).st_mode & 0o004)
    except OSError:
        return False


def source_of(installed, sources, install_dir):
    """The request's file that would be installed at `installed` (None when not known)."""
    rel = os.path.relpath(installed, install_dir)
    for src in sources:
        if os.path.isdir(src):
            candidate = os.path.join(src, rel)
            if os.path.lexists(candidate):
                return candidate
        elif os.path.basename(src) == rel or rel.startswith(os.path.basename(src) + '.d/'):
            return src if os.path.basename(src) == rel else os.path.join(os.path.dirname(src), rel)
    return None


def redact(diff, sources, install_dir):
    lines = diff.splitlines(True)
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('--- ') and i + 1 < len(lines) and lines[i + 1].startswith('+++ '):
            old = line[4:].strip()
            new = lines[i + 1][4:].strip()
            path = new if new != '/dev/null' else old
            j = i + 2
            while j < len(lines) and (lines[j].startswith(('@@', '+', '-', ' ', '\\')) and
                                      not (lines[j].startswith('--- ') and j + 1 < len(lines)
                                           and lines[j + 1].startswith('+++ '))):
                j += 1
            src = source_of(path, sources, install_dir)
            if private(path) or (src is not None and private(src)):
                out.append('%s: content changed (not shown: not world-readable)\n' % path)
            else:
                out.extend(lines[i:j])
            i = j
            continue
        out.append(line)
        i += 1
    return ''.join(out)


def present(module):
    src = module.params['src']
    if not src:
        module.fail_json(msg='state=present needs src: the Quadlet files or directories to install')
    args = ['apply'] + list(src)
    diff = diff_of(module, args, list(src)) if module._diff else None
    if module.check_mode:
        doc = run_json(module, 'apply', ['--dry-run'] + list(src))
    else:
        doc = run_json(module, 'apply', list(src))
    return doc, diff


def absent(module):
    names = list(module.params['name'] or []) + quadlet_names(module.params['src'] or [])
    if not names:
        module.fail_json(msg='state=absent needs name or src: what to remove')
    installed = set()
    install_dir = install_directory(module)
    for u in installed_units(module):
        # berth remove only removes files from the install directory; one elsewhere in the search path
        # (/usr/share/containers/systemd) is not ours to remove, and removing it is refused.
        if not (u.get('source') or '').startswith(install_dir + '/'):
            continue
        for key in ('file', 'name'):
            if u.get(key):
                installed.add(u[key])
    wanted = []
    for n in names:
        stem = n.rsplit('.', 1)[0] if n.endswith(QUADLET_KINDS + ('.service',)) else n
        candidates = {n, stem + '.container', stem + '.service'}
        if candidates & installed:
            wanted.append(n)
    if not wanted:
        return {'changed': False, 'files': [], 'units': [], 'summary': 'nothing to remove (already gone)'}, None
    args = ['remove'] + (['--force'] if module.params['force'] else []) + wanted
    diff = diff_of(module, args, []) if module._diff else None
    extra = ['--dry-run'] if module.check_mode else []
    doc = run_json(module, 'remove', extra + (['--force'] if module.params['force'] else []) + wanted)
    return doc, diff


def main():
    module = AnsibleModule(
        argument_spec=dict(
            src=dict(type='list', elements='path'),
            name=dict(type='list', elements='str'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            force=dict(type='bool', default=False),
            **COMMON_ARGS
        ),
        supports_check_mode=True,
    )
    try:
        doc, diff = present(module) if module.params['state'] == 'present' else absent(module)
    except BerthError as e:
        fail(module, e)
    result = dict(changed=changed_of(doc), files=doc.get('files', []), units=doc.get('units', []),
                  summary=doc.get('summary', ''), diagnostics=doc.get('diagnostics', []))
    if diff is not None and result['changed']:
        result['diff'] = diff
    module.exit_json(**result)


if __name__ == '__main__':
    main()
