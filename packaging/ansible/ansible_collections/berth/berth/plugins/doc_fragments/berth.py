# -*- coding: utf-8 -*-
# The options every berth module takes (module_utils.berth.COMMON_ARGS), documented once.
from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    DOCUMENTATION = r'''
options:
  user:
    description: The connecting user's own units (rootless, C(berth --user)).
    type: bool
    default: false
  berth_path:
    description: The berth executable; default C(berth) on C(PATH).
    type: path
'''
