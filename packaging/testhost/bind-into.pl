#!/usr/bin/perl
# Bind-mount a host directory read-only into a RUNNING test host, at the same path.
#
#   perl packaging/testhost/bind-into.pl INIT_PID DIR
#
# Used by install-berth.sh for the JDK. (boot.sh does the same at every boot from
# RUN/binds; this is for a test host that was booted before the bind was recorded.)
#
# Why not `nsenter -t PID -m mount --bind`: once inside the test host's mount
# namespace the host directory is unreachable (the old root was unmounted after
# pivot_root), and the kernel refuses to bind a mount of another namespace. What
# works is the "detached mount" API (Linux >= 5.12), as systemd does for
# `machinectl bind`:
#   1. open_tree(OPEN_TREE_CLONE) in the HOST namespace: a detached copy of the
#      host's mount of DIR, attached nowhere;
#   2. mount_setattr(MOUNT_ATTR_RDONLY) on that copy: read-only before anyone sees it;
#   3. setns() into the test host's mount namespace, chroot into its root;
#   4. move_mount() the detached copy onto DIR there.
# Nothing is mounted in the host's namespace at any point; if a step fails the
# detached copy vanishes when this process exits. Perl because perl-base is on
# every Debian machine and its syscall() is enough; it is single-threaded, which
# setns(CLONE_NEWNS) requires.
# The target directory must already exist inside the test host (install-berth.sh
# creates it with exec.sh mkdir -p, which resolves paths inside the test host).
use strict;
use warnings;
use Config;

sub die_usage { die "usage: bind-into.pl INIT_PID /ABSOLUTE/DIR\n" }

@ARGV == 2 or die_usage();
my ($pid, $dir) = @ARGV;
$pid =~ /^[0-9]+$/ or die_usage();
$dir =~ m{^/[^\0]*$} && $dir !~ m{(^|/)\.\.?(/|$)} && $dir ne '/' or die_usage();
-d $dir or die "bind-into.pl: $dir is not a directory on the host\n";

# System call numbers: open_tree, move_mount and mount_setattr share the unified
# numbering on both architectures; setns does not.
my %setns = (x86_64 => 308, aarch64 => 268);
my ($arch) = $Config{archname} =~ /^([^-]+)/;
exists $setns{$arch} or die "bind-into.pl: unsupported architecture $arch\n";
my ($SYS_setns, $SYS_open_tree, $SYS_move_mount, $SYS_mount_setattr) = ($setns{$arch}, 428, 429, 442);

my $AT_FDCWD               = -100;
my $AT_EMPTY_PATH          = 0x1000;
my $AT_RECURSIVE           = 0x8000;
my $OPEN_TREE_CLONE        = 1;
my $OPEN_TREE_CLOEXEC      = 0x80000;
my $MOUNT_ATTR_RDONLY      = 0x1;
my $MOVE_MOUNT_F_EMPTY_PATH = 0x4;
my $CLONE_NEWNS            = 0x20000;
my $empty = '';    # syscall() wants writable scalars for its string (pointer) arguments

# 1. Detached copy of the host's mount of $dir (recursive: submounts too).
my $tree = syscall($SYS_open_tree, $AT_FDCWD, $dir, $OPEN_TREE_CLONE | $OPEN_TREE_CLOEXEC | $AT_RECURSIVE);
$tree >= 0 or die "bind-into.pl: open_tree($dir): $!\n";

# 2. Read-only, recursively. struct mount_attr { u64 attr_set, attr_clr, propagation, userns_fd; }
my $attr = pack('Q4', $MOUNT_ATTR_RDONLY, 0, 0, 0);
syscall($SYS_mount_setattr, $tree, $empty, $AT_EMPTY_PATH | $AT_RECURSIVE, $attr, length($attr)) == 0
    or die "bind-into.pl: mount_setattr(read-only): $!\n";

# 3. Into the test host's mount namespace, rooted at its root (what nsenter -m -r does).
open(my $ns, '<', "/proc/$pid/ns/mnt") or die "bind-into.pl: /proc/$pid/ns/mnt: $!\n";
opendir(my $root, "/proc/$pid/root") or die "bind-into.pl: /proc/$pid/root: $!\n";
syscall($SYS_setns, fileno($ns) + 0, $CLONE_NEWNS) == 0 or die "bind-into.pl: setns(mnt of $pid): $!\n";
chdir($root) or die "bind-into.pl: fchdir(root of $pid): $!\n";
chroot('.') or die "bind-into.pl: chroot: $!\n";
chdir('/') or die "bind-into.pl: chdir /: $!\n";
-d $dir or die "bind-into.pl: $dir does not exist inside the test host (create it first)\n";

# 4. Attach the copy there.
syscall($SYS_move_mount, $tree, $empty, $AT_FDCWD, $dir, $MOVE_MOUNT_F_EMPTY_PATH) == 0
    or die "bind-into.pl: move_mount(onto $dir): $!\n";
exit 0;
