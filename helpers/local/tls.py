"""A local certificate authority and a server certificate for 127.0.0.1.

azure-core refuses bearer tokens over plain http, so the service speaks TLS
with a CA made here (trustme). Clients trust it through a bundle that holds the
usual public roots plus this CA, so a script that also reaches real hosts still
verifies them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import certifi
import trustme


@dataclass(frozen=True)
class Certificates:
    ca_file: Path        # the local CA alone
    bundle_file: Path    # public roots + the local CA: what clients are told to trust
    cert_file: Path      # server certificate chain
    key_file: Path       # server private key (stays in the data folder)


def certificates(folder: Path) -> Certificates:
    """Reuse the certificates in `folder`, or make them there."""
    folder.mkdir(parents=True, exist_ok=True)
    found = Certificates(folder / "ca.pem", folder / "ca-bundle.pem", folder / "server.pem", folder / "server-key.pem")
    if all(p.exists() for p in (found.ca_file, found.bundle_file, found.cert_file, found.key_file)):
        return found
    ca = trustme.CA(organization_name="Agents Migration Workbook local CA")
    server = ca.issue_cert("127.0.0.1", "localhost", "::1")
    ca.cert_pem.write_to_path(str(found.ca_file))
    server.private_key_pem.write_to_path(str(found.key_file))
    found.key_file.chmod(0o600)
    with found.cert_file.open("wb") as out:
        for blob in server.cert_chain_pems:
            out.write(blob.bytes())
    found.bundle_file.write_bytes(Path(certifi.where()).read_bytes() + b"\n" + ca.cert_pem.bytes())
    return found
