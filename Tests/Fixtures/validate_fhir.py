"""Validates a FHIR Bundle from `liptwitch export --format fhir` with fhir.resources' R4B models.

    python validate_fhir.py BUNDLE.json

Prints one JSON line of facts (entries by resource type, observations with a device and a
body site, component codes, the codings of the observations' codes and categories as
system#code) and exits 0 when the bundle is valid; prints the validation errors and exits 1
when it is not. Used by ExportCommandTests through .build-venv.
"""
import collections
import json
import sys

from fhir.resources.R4B.bundle import Bundle


def main(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        bundle = Bundle.model_validate_json(text)
    except Exception as error:  # pydantic's ValidationError, or broken JSON
        print(f"invalid: {error}")
        return 1
    kinds = collections.Counter(entry.resource.get_resource_type() for entry in bundle.entry or [])
    observations = [entry.resource for entry in bundle.entry or []
                    if entry.resource.get_resource_type() == "Observation"]
    episodes = [o for o in observations if o.effectivePeriod]
    facts = {
        "type": bundle.type,
        "resources": dict(kinds),
        "episodes": len(episodes),
        "with_device": sum(1 for o in episodes if o.device and o.device.reference),
        "with_body_site": sum(1 for o in episodes if o.bodySite and o.bodySite.coding),
        "component_codes": sorted({c.code.coding[0].code for o in episodes for c in o.component or []}),
        "codings": sorted({" ".join(f"{c.system}#{c.code}" for c in o.code.coding) for o in observations}),
        "categories": sorted({f"{c.system}#{c.code}" for o in observations for k in o.category or [] for c in k.coding or []
                              if not c.system.startswith("urn:liptwitch:")}),
    }
    print(json.dumps(facts, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
