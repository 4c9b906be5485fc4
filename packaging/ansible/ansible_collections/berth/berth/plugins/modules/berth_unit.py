#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: berth_unit
short_description: Start, stop, restart, enable or disable a berth unit, idempotently
description:
  - Reads the unit's state with C(berth status --format json) and runs C(berth start), C(stop), C(restart),
    C(enable) or C(disable) only when the state differs from the one asked for; C(restarted) always restarts.
  - A unit is enabled when berth's generator makes C([Install]) links for it (its file's C([Install]) section, or
    C(berth enable), which records the choice as a drop-in); the current choice is read from
    C(berth generate --dryrun --format json), so check mode can tell without changing anything.
  - Check mode reports what would change and runs nothing. Failures come back through C(fail_json) with
    berth's problem and fix (an unknown name gets berth's suggestion).
options:
  name:
    description: The unit (C(web), C(web.service), C(web.container), C(db-volume), C(echo@blue)).
    type: str
    required: true
  state:
    description:
      - C(started), C(stopped), C(restarted) set the running state; C(enabled) and C(disabled) set the boot-time
        choice only (same as I(enabled)).
    type: str
    choices: [started, stopped, restarted, enabled, disabled]
  enabled:
    description: Whether the unit starts at boot.
    type: bool
extends_documentation_fragment:
  - berth.berth.berth
author:
  - berth developers
'''

EXAMPLES = r'''
- name: web runs now and at every boot
  berth.berth.berth_unit:
    name: web
    state: started
    enabled: true

- name: Restart the database
  berth.berth.berth_unit:
    name: db
    state: restarted
'''

RETURN = r'''
name:
  description: The systemd unit berth resolved the name to.
  returned: success
  type: str
state:
  description: The unit's state after the task (C(activeState), C(subState), C(mainPid), ...).
  returned: success
  type: dict
enabled:
  description: Whether the unit starts at boot after the task.
  returned: success
  type: bool
actions:
  description: The berth commands run (or, in check mode, that would run), e.g. C(["enable", "start"]).
  returned: always
  type: list
errors:
  description: On failure, berth's problems, each with C(kind), C(name), C(problem) and C(fix).
  returned: failure
  type: list
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.berth.berth.plugins.module_utils.berth import (
    COMMON_ARGS, BerthError, fail, run_json, unit_status)

RUNNING = ('active', 'activating', 'reloading')


def is_enabled(module, row):
    """Whether berth's generator makes [Install] links for the unit's Quadlet file."""
    source = row.get('source')
    if not source:
        return False
    doc = run_json(module, 'generate', ['--dryrun'])
    for u in doc.get('units') or []:
        if u.get('source') == source and u.get('name') == row.get('name'):
            return bool(u.get('installLinks'))
    for u in doc.get('units') or []:
        if u.get('source') == source:
            return bool(u.get('installLinks'))
    return False


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type='str', required=True),
            state=dict(type='str', choices=['started', 'stopped', 'restarted', 'enabled', 'disabled']),
            enabled=dict(type='bool'),
            **COMMON_ARGS
        ),
        required_one_of=[['state', 'enabled']],
        supports_check_mode=True,
    )
    name = module.params['name']
    state = module.params['state']
    enabled = module.params['enabled']
    if state in ('enabled', 'disabled'):
        wanted = state == 'enabled'
        if enabled is not None and enabled != wanted:
            module.fail_json(msg='state=%s contradicts enabled=%s' % (state, enabled))
        enabled, state = wanted, None
    actions = []
    try:
        row = unit_status(module, name)
        if row is None:
            module.fail_json(msg='berth status %s showed no unit' % name)
        unit = row.get('name') or name
        if enabled is not None and is_enabled(module, row) != enabled:
            actions.append('enable' if enabled else 'disable')
        active = ((row.get('state') or {}).get('activeState') or 'inactive')
        if state == 'restarted':
            actions.append('restart')
        elif state == 'started' and active not in RUNNING:
            actions.append('start')
        elif state == 'stopped' and active in RUNNING:
            actions.append('stop')
        if not module.check_mode:
            for action in actions:
                run_json(module, action, [unit])
            if actions:
                row = unit_status(module, unit)
        now_enabled = (enabled if module.check_mode and enabled is not None else is_enabled(module, row))
    except BerthError as e:
        fail(module, e, actions=actions)
    module.exit_json(changed=bool(actions), name=row.get('name') or name, state=row.get('state') or {},
                     enabled=now_enabled, actions=actions)


if __name__ == '__main__':
    main()
