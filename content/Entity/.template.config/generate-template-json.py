"""Writes template.json (next to this file). The engine has no loops or string functions, so the name checks
are generated here as regexMatch symbols. Everything past writing the three skeleton files (fields, the parent,
the plural, the DbSet, sorted usings, the migration) is `dotnet strata new-entity`, run by the one post-action.
Run: python3 generate-template-json.py"""
import os
import json, collections
O = collections.OrderedDict

IDENT = "[A-Z][A-Za-z0-9_]*"

forms = O()
forms["asSubfolder"] = O(identifier="replace", pattern="^(.+)$", replacement="$1/")
forms["slashToDot"] = O(identifier="replace", pattern="/", replacement=".")
forms["prefixDot"] = O(identifier="replace", pattern="^(.+)$", replacement=".$1")
forms["asNamespaceSuffix"] = O(identifier="chain", steps=["slashToDot", "prefixDot"])
forms["lastPathSegment"] = O(identifier="replace", pattern="^.*[/\\\\]", replacement="")
# ` --fields "<value>"` (leading space included), or nothing for an empty value: the post-action passes only the
# options given.
OPTIONS = O([("fields", "--fields"), ("parent", "--parent"), ("onDelete", "--on-delete"), ("plural", "--plural"),
             ("folder", "--folder"), ("projectDir", "--project")])
for symbol, option in OPTIONS.items():
    forms[symbol + "Option"] = O(identifier="replace", pattern="^(.+)$", replacement=' %s "$1"' % option)

def bind(binding, replaces=None, default="", desc=None):
    s = O(type="bind", binding=binding, defaultValue=default)
    if replaces: s["replaces"] = replaces
    return s

def derived(source, transform, replaces=None, fileRename=None, desc=None):
    s = O(type="derived", valueSource=source, valueTransform=transform)
    if replaces: s["replaces"] = replaces
    if fileRename: s["fileRename"] = fileRename
    if desc: s["description"] = desc
    return s

def regex(source, pattern):
    return O(type="generated", generator="regexMatch", datatype="bool", parameters=O(source=source, pattern=pattern))

def computed(value):
    return O(type="computed", value=value)

S = O()
# ---- options -------------------------------------------------------------------------------
S["fields"] = O(type="parameter", datatype="text", defaultValue="",
    description="The entity's fields, one Name:type[{args}][?][:modifier]... each, separated by spaces, e.g. --fields \"Sku:string{32}:uniq Price:decimal{10,2}:min(0) Status:enum{Draft,Active} Supplier:references\". Types: string{n} text int long short decimal{p,s} double bool datetime date time guid binary{n} enum{A,B} email url references{Entity}; ? = optional; modifiers: uniq index min(n) max(n) default(v) cascade restrict setnull. Without it: base columns only.")
S["parent"] = O(type="parameter", datatype="text", defaultValue="",
    description="The entity this one belongs to, e.g. --parent Customer: adds CustomerId (a foreign key with an index), a Customer navigation and the Orders collection on Customer. The parent must already exist in the project.")
S["optionalParent"] = O(type="parameter", datatype="bool", defaultValue="false",
    description="Make the --parent relationship optional: a nullable foreign key, so the entity can exist without a parent.")
S["onDelete"] = O(type="parameter", datatype="choice",
    description="What deleting the --parent does to this entity's rows. Default: Cascade for a required parent (the rows cannot exist without it), SetNull for an optional one.",
    choices=[O(choice="Cascade", description="Delete this entity's rows with their parent."),
             O(choice="Restrict", description="Refuse to delete a parent that still has rows of this entity."),
             O(choice="SetNull", description="Keep the rows and clear their foreign key (needs --optional-parent).")])
S["plural"] = O(type="parameter", datatype="text", defaultValue="",
    description="The plural used for the DbSet and the table name, when the built-in English rules get it wrong (e.g. --plural Staff). Adds ToTable(\"<plural>\") to the configuration.")
S["folder"] = O(type="parameter", datatype="text", defaultValue="",
    description="A subfolder (and namespace) for the entity, its configuration and its validator, e.g. --folder Sales puts Order in Entities/Sales and namespace <Root>.Entities.Sales. Use this instead of -o.")
S["auditable"] = O(type="parameter", datatype="bool", defaultValue="true",
    description="Derive from AuditableEntity (CreatedAt/UpdatedAt set automatically). Pass false only for a table that must not carry timestamps: it then derives from BaseEntity.")
S["skipMigration"] = O(type="parameter", datatype="bool", defaultValue="false",
    description="Add only the code files: don't build or run dotnet ef migrations add (run it yourself when the entity is ready).")

# ---- values bound from the model project (written into its .csproj by modelproject) -----------
S["rootNamespace"] = bind("msbuild:RootNamespace", "Contoso.Shop", "Contoso.Shop")
S["projectDir"] = bind("msbuild:MSBuildProjectDirectory", None, "")

# ---- paths and namespaces derived from --folder ---------------------------------------------
S["folderPath"] = derived("folder", "asSubfolder", fileRename="StrataFolder/")
S["folderNamespace"] = derived("folder", "asNamespaceSuffix", replaces=".StrataFolder")
S["projectFolderName"] = derived("projectDir", "lastPathSegment")

# ---- form checks: when one fails the engine writes nothing -----------------------------------
# Only what keeps the engine from writing files at odd paths. Every rule (these, reserved names, the
# parent, the fields) is checked by `dotnet strata new-entity`, which prints the one error line.
S["nameIsIdentifier"] = regex("name", "^" + IDENT + "$")
S["parentIsIdentifier"] = regex("parent", "^(" + IDENT + ")?$")
S["pluralIsIdentifier"] = regex("plural", "^(" + IDENT + ")?$")
S["folderIsValid"] = regex("folder", "^(" + IDENT + "(/" + IDENT + ")*)?$")
S["inputIsValid"] = computed('(projectDir != "" && name != projectFolderName && nameIsIdentifier && parentIsIdentifier '
                             '&& pluralIsIdentifier && folderIsValid)')

# ---- the post-action's arguments ---------------------------------------------------------------
# Post-action args get no symbol replacement, only file renames (applyFileRenamesToArgs), so each
# option is a fileRename token that becomes `--parent "Customer"`, or nothing when not given: the
# engine echoes the command before the tool's output, and a short one keeps our error line in view.
for symbol, option in OPTIONS.items():
    S[symbol + "Arg"] = derived(symbol, symbol + "Option", fileRename="STRATA_%s_ARG" % symbol.upper())
def flag(symbol, option):
    return O(type="generated", generator="switch", datatype="string", fileRename="STRATA_%s_ARG" % symbol.upper(),
             parameters=O(evaluator="C++", cases=[O(condition="(%s)" % symbol, value=" " + option + " True"),
                                                  O(condition="(true)", value="")]))
S["optionalParentArg"] = flag("optionalParent", "--optional-parent")
S["skipMigrationArg"] = flag("skipMigration", "--skip-migration")

RUN_ID = "3A7C4B45-1F5D-4A30-959A-51B88E82B5D2"
files = ['Entities/StrataFolder/StrataEntity.cs', 'Configurations/StrataFolder/StrataEntityConfiguration.cs',
         'Validators/StrataFolder/StrataEntityValidator.cs']
new_entity_args = 'strata new-entity "StrataEntity"' + "".join(
    "STRATA_%s_ARG" % symbol.upper() for symbol in ["fields", "parent", "optionalParent", "onDelete", "plural", "folder",
                                                   "skipMigration", "projectDir"])
# Shown when the step did not run (Visual Studio never runs it, nor does --allow-scripts no) or failed. The
# engine does not replace symbols in this text, so it gives the form and an example, not the user's values.
manual = [O(text="Visual Studio does not run this step: in the model project's folder run dotnet tool restore, then "
               "dotnet strata new-entity <Name> with the options you chose, e.g. "
               "dotnet strata new-entity Order --parent Customer --fields \"Total:decimal{10,2}:min(0)\"")]

post = [
    O(description="Add the fields, the parent and the DbSet, build, and add the migration (dotnet strata new-entity)",
      manualInstructions=manual, actionId=RUN_ID, continueOnError=False,
      args=O(executable="dotnet", args=new_entity_args, redirectStandardOutput=False, redirectStandardError=False),
      applyFileRenamesToArgs=["args"]),
]

t = O()
t["$schema"] = "http://json.schemastore.org/template"
t["author"] = "Strata contributors"
t["classifications"] = ["Data", "EF Core", "Entity"]
t["identity"] = "Strata.Entity.CSharp"
t["groupIdentity"] = "Strata.Entity"
t["name"] = "EF Core entity (Strata)"
t["description"] = ("Adds an entity to a Strata model project: the entity class with its fields (--fields), its IEntityTypeConfiguration, "
                    "its FluentValidation validator and its DbSet, then the migration made by EF Core's own scaffolder (dotnet strata new-entity).")
t["shortName"] = "entity"
t["sourceName"] = "StrataEntity"
t["preferNameDirectory"] = False
t["tags"] = O(language="C#", type="item")
t["constraints"] = O(modelProject=O(type="project-capability", args="StrataModel"))
t["symbols"] = S
t["forms"] = forms
t["sources"] = [O(modifiers=[O(condition="(!inputIsValid)", exclude=["**/*"])])]
t["primaryOutputs"] = [O(path=f, condition="(inputIsValid)") for f in files]
t["postActions"] = post
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "template.json")
with open(out, "w") as f:
    json.dump(t, f, indent=2)
    f.write("\n")
