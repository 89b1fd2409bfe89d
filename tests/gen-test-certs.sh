#!/bin/sh
# Copyright 2026 The Yamori authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A throwaway CA and the certificates the test HTTPS server presents,
# generated at build time so that no private key is ever committed. The CA
# key is deleted once both certificates are signed.
# Usage: gen-test-certs.sh OUTDIR
set -eu

out=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

key() {
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out "$1" 2>/dev/null
}

key "$work/ca-key.pem"
openssl req -x509 -new -key "$work/ca-key.pem" -sha256 -days 3650 \
	-subj "/CN=Yamori test CA (throwaway)" \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" \
	-out "$work/ca.pem"

# name subject-alt-names
sign() {
	key "$work/$1-key.pem"
	openssl req -new -key "$work/$1-key.pem" -subj "/CN=Yamori test $1" -out "$work/$1.csr"
	printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' "$2" >"$work/$1.ext"
	openssl x509 -req -in "$work/$1.csr" -CA "$work/ca.pem" -CAkey "$work/ca-key.pem" \
		-set_serial "0x$(openssl rand -hex 8)" -sha256 -days 3650 \
		-extfile "$work/$1.ext" -out "$work/$1.pem" 2>/dev/null
}

sign server "IP:127.0.0.1,DNS:localhost"
sign wrong-host "DNS:wrong.invalid"

mkdir -p "$out"
cp "$work/ca.pem" "$out/test-ca.pem"
for name in server wrong-host; do
	cp "$work/$name.pem" "$out/test-$name.pem"
	cp "$work/$name-key.pem" "$out/test-$name-key.pem"
done
