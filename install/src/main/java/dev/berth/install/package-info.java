/**
 * Installing Quadlet files into a manager's install directory: {@link dev.berth.install.Apply},
 * {@link dev.berth.install.Removal}, {@link dev.berth.install.Enablement} (the enable/disable choice), the
 * {@link dev.berth.install.InstallLock} and the all-or-nothing {@link dev.berth.install.FileTransaction}. Every
 * engine returns a value ({@link dev.berth.install.ChangeReport}, {@link dev.berth.install.EnableReport}) with its
 * failures as {@link dev.berth.spec.Problem}s and {@link dev.berth.spec.Diagnostic}s; nothing here prints.
 *
 * <p>Two meanings of "install" are kept apart by name: <em>installing files</em> (this package: the install
 * directory, {@code InstallSite}, {@code InstallLock}, {@code StagedInstall}) and the {@code [Install]} section
 * of a unit, whose links the generator makes ({@code InstallLinks} in the generator) and which
 * {@code berth enable} records as an {@link dev.berth.install.EnableChoice} (never "install choice").
 */
package dev.berth.install;
