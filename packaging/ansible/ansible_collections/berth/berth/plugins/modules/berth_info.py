#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
---
module: berth_info
short_description: What berth manages on a host
description:
  - Returns every Quadlet file of the search path with its unit and systemd's state (C(berth list --format
    json)), and the state of berth's units (C(berth status --format json)), with main PID, uptime, restarts, image,
    source file. Changes nothing; runs the same in check mode.
options:
  name:
    description: Only these units (default all of berth's).
    type: list
    elements: str
extends_documentation_fragment:
  - berth.berth.berth
author:
  - berth developers
'''

EXAMPLES = r'''
- name: What runs here
  berth.berth.berth_info:
  register: berth

- name: web is up
  ansible.builtin.assert:
    that: berth.units | selectattr('name', 'equalto', 'web.service') | map(attribute='state.activeState') | first == 'active'
'''

RETURN = r'''
files:
  description: Every Quadlet file of the search path (C(name), C(file), C(kind), C(source), C(generated),
    C(template), C(loadState), C(activeState), C(subState)).
  returned: success
  type: list
units:
  description: berth's units and their state (C(name), C(source), C(image), C(managed), C(state)).
  returned: success
  type: list
version:
  description: berth's version line.
  returned: success
  type: str
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.berth.berth.plugins.module_utils.berth import (
    COMMON_ARGS, BerthError, fail, run_json, run_text)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type='list', elements='str'),
            **COMMON_ARGS
        ),
        supports_check_mode=True,
    )
    names = module.params['name'] or []
    try:
        files = run_json(module, 'list', []).get('units') or []
        # Exit 3 only says a named unit is not active; the document is there all the same.
        units = run_json(module, 'status', names, ok_codes=(0, 3)).get('units') or []
    except BerthError as e:
        fail(module, e)
    berth = module.params.get('berth_path') or module.get_bin_path('berth', required=True)
    rc, out, err = module.run_command([berth, '--version'])
    module.exit_json(changed=False, files=files, units=units, version=out.strip() if rc == 0 else None)


if __name__ == '__main__':
    main()
