#!/usr/bin/env bash
# Installs the real mail servers of the intake bench from Debian's packages, once (bench/README.md, "Intake").
# Postfix asks how to set itself up: "Local only" (the bench runs its own instance from its own folder).
set -euo pipefail
if command -v postfix >/dev/null && command -v dovecot >/dev/null && [ -x /usr/lib/dovecot/lmtp ]; then
  exit 0
fi
printf '%s\n' "postfix postfix/main_mailer_type select Local only" "postfix postfix/mailname string relais.test" \
  | debconf-set-selections
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q postfix dovecot-imapd dovecot-lmtpd
