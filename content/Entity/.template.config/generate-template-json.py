"""Writes template.json (next to this file). The engine has no loops or string functions, so the plural
rules, keyword escaping, name checks and using-order checks are generated here. Run: python3 generate-template-json.py"""
import os
import json, collections
O = collections.OrderedDict

KEYWORDS = ("abstract as base bool break byte case catch char checked class const continue decimal default "
            "delegate do double else enum event explicit extern false finally fixed float for foreach goto if "
            "implicit in int interface internal is lock long namespace new null object operator out override "
            "params private protected public readonly ref return sbyte sealed short sizeof stackalloc static "
            "string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual "
            "void volatile while").split()
# Properties every entity already has, folders/namespaces at the project root, and System types that the
# implicit usings import (a same-named entity makes every unqualified use ambiguous, CS0104).
MEMBER_NAMES = "Id Name Version CreatedAt UpdatedAt".split()
PROJECT_NAMES = ("Common Entities Configurations Validators DbSets Migrations BaseEntity AuditableEntity IAuditable "
                 "ModelRules DependencyInjection DesignTimeDbContextFactory DbContextOptionsBuilderExtensions").split()
SYSTEM_NAMES = ("Action Array Attribute Buffer Console Convert DateTime Delegate Directory Enum Environment Exception "
                "File Guid Index Lazy Math Monitor Nullable Object Path Random Range String Task Thread TimeSpan Timer "
                "Tuple Type Uri").split()

IDENT = "[A-Z][A-Za-z0-9_]*"

ORDER = ".0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_"   # OrdinalIgnoreCase order of the characters a namespace can hold
def sorts_before(target):
    """A regex matching the namespaces that sort (case-insensitively) before target."""
    import re
    alternatives = []
    for k, ch in enumerate(target.upper()):
        prefix = re.escape(target[:k])
        smaller = ORDER[:ORDER.index(ch)]
        cls = "[" + smaller + "]" if smaller else None
        if k > 0:
            alternatives.append(prefix + "$")
        if cls:
            alternatives.append(prefix + cls)
    return "(?i)^(" + "|".join(alternatives) + ")"
SEG = "(?<=^|[a-z0-9_])"   # start of the last PascalCase word
pluralRules = [
    # (name, pattern, replacement): each consumes the end marker '#', so only the first match applies.
    ("plMark", "$", "#"),
    ("plUncountable", SEG + "(Equipment|Information|Money|Species|Series|News|Sheep|Fish|Deer|Aircraft|Data|Metadata|Staff|Software|Hardware|Feedback|Luggage|Baggage|Furniture|People|Children|Men|Women|Feet|Teeth|Geese|Mice|Criteria|Phenomena|Media)#$", "$1"),
    ("plPerson", SEG + "Person#$", "People"),
    ("plChild", SEG + "Child#$", "Children"),
    ("plMan", SEG + "(Wom|M)an#$", "$1en"),
    ("plMan2", "(?<=[a-z])(?<!Hu|hu|Ger|ger|Ro|ro)(wo)?man#$", "$1men"),
    ("plFoot", SEG + "(F|T)(oo)(t|th)#$", "$1ee$3"),
    ("plGoose", SEG + "Goose#$", "Geese"),
    ("plMouse", SEG + "(M|L)ouse#$", "$1ice"),
    ("plOx", "^Ox#$", "Oxen"),
    ("plOn", "(?i)(criteri|phenomen)on#$", "$1a"),
    ("plUm", SEG + "(Dat|Medi|Curricul|Bacteri)um#$", "$1a"),
    ("plQuiz", "(?i)(quiz)#$", "$1zes"),
    ("plAxis", "(?i)(ax|test)is#$", "$1es"),
    ("plSis", "sis#$", "ses"),
    ("plUsI", "(?i)(alumn|cact|fung|radi|stimul|syllab|nucle|octop)us#$", "$1i"),
    ("plOes", "(?i)(buffal|tomat|potat|ech|her|vet|volcan|torped|embarg|mosquit)o#$", "$1oes"),
    ("plFe", "(?i)(kni|wi|li)fe#$", "$1ves"),
    ("plF", "(?i)(hal|shel|wol|cal|el|sel|lea|loa|thie|shea)f#$", "$1ves"),
    ("plIces", "(?i)(matr|vert|ind)(ix|ex)#$", "$1ices"),
    ("plY", "([^aeiouAEIOU]|qu)y#$", "$1ies"),
    ("plEs", "(x|ch|sh|ss|z|us|is|[Aa]lias|[Bb]ias|[Gg]as|[Aa]tlas|[Cc]anvas)#$", "$1es"),
    ("plS", "s#$", "s"),
    ("plDefault", "#$", "s"),
]

forms = O()
for name, pattern, repl in pluralRules:
    forms[name] = O(identifier="replace", pattern=pattern, replacement=repl)
forms["pluralize"] = O(identifier="chain", steps=[r[0] for r in pluralRules])
forms["lowerFirst"] = O(identifier="firstLowerCase")
forms["escapeKeyword"] = O(identifier="replace", pattern="^(" + "|".join(KEYWORDS) + ")$", replacement="@$1")
forms["camelIdentifier"] = O(identifier="chain", steps=["lowerFirst", "escapeKeyword"])
forms["asSubfolder"] = O(identifier="replace", pattern="^(.+)$", replacement="$1/")
forms["slashToDot"] = O(identifier="replace", pattern="/", replacement=".")
forms["prefixDot"] = O(identifier="replace", pattern="^(.+)$", replacement=".$1")
forms["asNamespaceSuffix"] = O(identifier="chain", steps=["slashToDot", "prefixDot"])
forms["firstSegment"] = O(identifier="replace", pattern="^([^.]*)\\..*$", replacement="$1")
forms["appendEntities"] = O(identifier="replace", pattern="$", replacement=".Entities")
forms["lastPathSegment"] = O(identifier="replace", pattern="^.*[/\\\\]", replacement="")

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
S["parent"] = O(type="parameter", datatype="text", defaultValue="", replaces="StrataParent", fileRename="STRATA_PARENT",
    description="The entity this one belongs to, e.g. --parent Customer: adds CustomerId (a foreign key with an index) and a Customer navigation. The parent must already exist in the project.")
S["optionalParent"] = O(type="parameter", datatype="bool", defaultValue="false",
    description="Make the --parent relationship optional: a nullable foreign key, so the entity can exist without a parent.")
S["onDelete"] = O(type="parameter", datatype="choice", fileRename="STRATA_ON_DELETE",
    description="What deleting the --parent does to this entity's rows. Default: Cascade for a required parent (the rows cannot exist without it), SetNull for an optional one.",
    choices=[O(choice="Cascade", description="Delete this entity's rows with their parent."),
             O(choice="Restrict", description="Refuse to delete a parent that still has rows of this entity."),
             O(choice="SetNull", description="Keep the rows and clear their foreign key (needs --optional-parent).")])
S["plural"] = O(type="parameter", datatype="text", defaultValue="", fileRename="STRATA_PLURAL_RAW",
    description="The plural used for the DbSet and the table name, when the built-in English rules get it wrong (e.g. --plural Staff). Adds ToTable(\"<plural>\") to the configuration.")
S["folder"] = O(type="parameter", datatype="text", defaultValue="", fileRename="STRATA_FOLDER_RAW",
    description="A subfolder (and namespace) for the entity, its configuration and its validator, e.g. --folder Sales puts Order in Entities/Sales and namespace <Root>.Entities.Sales. Use this instead of -o.")
S["auditable"] = O(type="parameter", datatype="bool", defaultValue="true",
    description="Derive from AuditableEntity (CreatedAt/UpdatedAt set automatically). Pass false only for a table that must not carry timestamps: it then derives from BaseEntity.")
S["skipMigration"] = O(type="parameter", datatype="bool", defaultValue="false", fileRename="STRATA_SKIP_MIGRATION",
    description="Add only the code files: don't build or run dotnet ef migrations add (run it yourself when the entity is ready).")

# ---- values bound from the model project (written into its .csproj by modelproject) -----------
S["rootNamespace"] = bind("msbuild:RootNamespace", "Contoso.Shop", "Contoso.Shop")
S["dbContext"] = bind("msbuild:StrataDbContext", "ContosoShopDbContext", "ContosoShopDbContext")
S["dbContextFile"] = derived("dbContext", "identity", fileRename="ContosoShopDbContext")
S["database"] = bind("msbuild:StrataDatabase", None, "")
S["databaseArg"] = derived("database", "identity", fileRename="STRATA_DATABASE")
S["projectDir"] = bind("msbuild:MSBuildProjectDirectory", None, "")
S["projectDirArg"] = derived("projectDir", "identity", fileRename="STRATA_PROJECT_DIR")
S["os"] = bind("env:OS", None, "")

# ---- names derived from -n and the options --------------------------------------------------
S["entityVariable"] = derived("name", "camelIdentifier", replaces="strataEntityVariable")
S["parentVariable"] = derived("parent", "camelIdentifier", replaces="strataParentVariable")
S["pluralFromRules"] = derived("name", "pluralize")
S["entityPlural"] = O(type="generated", generator="coalesce",
    parameters=O(sourceVariableName="plural", fallbackVariableName="pluralFromRules"),
    replaces="StrataEntities", fileRename="StrataEntities")
S["folderPath"] = derived("folder", "asSubfolder", fileRename="StrataFolder/")
S["folderNamespace"] = derived("folder", "asNamespaceSuffix", replaces=".StrataFolder")
S["rootNamespaceHead"] = derived("rootNamespace", "firstSegment")
S["projectFolderName"] = derived("projectDir", "lastPathSegment")
S["entitiesNamespace"] = derived("rootNamespace", "appendEntities")
# `dotnet format` wants usings in (case-insensitive) alphabetical order, and the project's own namespace
# may sort before or after FluentValidation / Microsoft.EntityFrameworkCore: compare at template time.
S["entitiesUsingBeforeFluentValidation"] = regex("entitiesNamespace", sorts_before("FluentValidation"))
S["entitiesUsingBeforeMicrosoft"] = regex("entitiesNamespace", sorts_before("Microsoft.EntityFrameworkCore"))

# ---- input checks (nothing is written unless all pass; see the reject post-actions) ------------
S["nameIsIdentifier"] = regex("name", "^" + IDENT + "$")
S["nameIsReserved"] = regex("name", "^(" + "|".join(MEMBER_NAMES + PROJECT_NAMES + SYSTEM_NAMES) + ")$")
S["parentIsIdentifier"] = regex("parent", "^(" + IDENT + ")?$")
S["parentIsReserved"] = regex("parent", "^(" + "|".join(MEMBER_NAMES) + ")$")
S["pluralIsIdentifier"] = regex("plural", "^(" + IDENT + ")?$")
S["folderIsValid"] = regex("folder", "^(" + IDENT + "(/" + IDENT + ")*)?$")
S["hasParent"] = computed('(parent != "")')
S["hasPlural"] = computed('(plural != "")')
S["hasFolder"] = computed('(folder != "")')
S["onDeleteUnset"] = computed('(onDelete == "")')
S["cascade"] = computed('(onDelete == "Cascade" || (onDelete == "" && !optionalParent))')
S["setNull"] = computed('(onDelete == "SetNull" || (onDelete == "" && optionalParent))')
S["restrict"] = computed('(onDelete == "Restrict")')

checks = [
    ('(projectDir == "")',
     "error: there is no Strata model project here (--force skips that check, but an entity needs one). Run dotnet new entity in the model project's folder, or pass --project path/to/Model.csproj."),
    ('(projectDir != "" && name == projectFolderName)',
     "error: no entity name: dotnet new used the folder name '@NAME@'. Name the entity with -n, e.g. dotnet new entity -n Order."),
    ("(!nameIsIdentifier)",
     "error: '@NAME@' is not a valid entity name. Use a PascalCase C# identifier (letters, digits and _, starting with a capital letter; C# keywords are lower case), e.g. -n Order or -n OrderLine."),
    ("(nameIsReserved || name == dbContext || name == rootNamespaceHead)",
     "error: an entity named '@NAME@' would clash with a property every entity has, a namespace or type of this project, or a System type. Choose a more specific name (e.g. TodoTask rather than Task)."),
    ("(!parentIsIdentifier || parentIsReserved)",
     "error: --parent '@PARENT@' is not a valid entity name. Name an existing entity class, e.g. --parent Customer."),
    ('(hasParent && parent == name)',
     "error: --parent can't be the entity itself (Order.Order would not compile). Create the entity first, then add a self-reference by hand, e.g. ParentId and Parent."),
    ('(!hasParent && (optionalParent || !onDeleteUnset))',
     "error: --optional-parent and --on-delete describe a relationship to a parent. Add --parent <Entity>, e.g. --parent Customer."),
    ('(hasParent && !optionalParent && onDelete == "SetNull")',
     "error: --on-delete SetNull needs a nullable foreign key. Add --optional-parent, or use --on-delete Cascade or Restrict."),
    ("(!pluralIsIdentifier)",
     "error: --plural '@PLURAL@' is not a valid C# identifier. Give the plural in PascalCase, e.g. --plural People."),
    ("(!folderIsValid)",
     "error: --folder '@FOLDER@' is not a valid folder. Use PascalCase names separated by /, e.g. --folder Sales or --folder Sales/Europe."),
]
S["inputIsValid"] = computed("(!(" + " || ".join(c for c, _ in checks) + "))")
S["errorMessage"] = O(type="generated", generator="switch", datatype="string", fileRename="STRATA_ERROR_MESSAGE",
    parameters=O(evaluator="C++", cases=[O(condition=c, value=m) for c, m in checks] + [O(condition="(true)", value="")]))
S["onWindows"] = computed('(os == "Windows_NT")')

RUN_ID = "3A7C4B45-1F5D-4A30-959A-51B88E82B5D2"
files = ['Entities/StrataFolder/StrataEntity.cs', 'Configurations/StrataFolder/StrataEntityConfiguration.cs',
         'Validators/StrataFolder/StrataEntityValidator.cs', 'DbSets/ContosoShopDbContext.StrataEntities.cs']
script_args = ('--project-dir "STRATA_PROJECT_DIR" --name "StrataEntity" --parent "STRATA_PARENT" '
               '--database "STRATA_DATABASE" --skip-migration "STRATA_SKIP_MIGRATION" --files ' + " ".join('"%s"' % f for f in files))
reject_unix = ('-c "m=$1; m=${m//@NAME@/\\"$2\\"}; m=${m//@PARENT@/\\"$3\\"}; m=${m//@PLURAL@/\\"$4\\"}; m=${m//@FOLDER@/\\"$5\\"}; '
               'echo \\"$m\\" >&2; exit 2" strata "STRATA_ERROR_MESSAGE" "StrataEntity" "STRATA_PARENT" "STRATA_PLURAL_RAW" "STRATA_FOLDER_RAW"')
ps = 'powershell'
reject_win = ('-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "STRATA_PROJECT_DIR/Scripts/add-entity.ps1" -Reject '
              '-Message "STRATA_ERROR_MESSAGE" -Name "StrataEntity" -Parent "STRATA_PARENT" -Plural "STRATA_PLURAL_RAW" -Folder "STRATA_FOLDER_RAW"')
run_win = ('-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "STRATA_PROJECT_DIR/Scripts/add-entity.ps1" '
           '-ProjectDir "STRATA_PROJECT_DIR" -Name "StrataEntity" -Parent "STRATA_PARENT" -Database "STRATA_DATABASE" '
           '-SkipMigration "STRATA_SKIP_MIGRATION" -Files ' + ",".join('"%s"' % f for f in files))

manual_run = [O(text="If the migration step failed, the error line above says what was kept and the command to rerun. If it did not run (Visual Studio, or --allow-scripts no), run `dotnet ef migrations add Add<EntityName>` in the model project's folder (for -n Order: `dotnet ef migrations add AddOrder`; in Visual Studio's Package Manager Console: `Add-Migration AddOrder`).")]
manual_reject = [O(text="Nothing was added: fix the option named in the error line above (see `dotnet new entity -h`). No error shown? Run again with --allow-scripts yes.")]

def action(desc, cond, exe, args, manual, redirect=False):
    return O(description=desc, condition=cond, actionId=RUN_ID, continueOnError=False, manualInstructions=manual,
             args=O(executable=exe, args=args, redirectStandardOutput=redirect, redirectStandardError=False),
             applyFileRenamesToArgs=["args"])

post = [
    action("Refuse invalid options (nothing was written)", "(!inputIsValid && !onWindows)", "bash", reject_unix, manual_reject),
    action("Refuse invalid options (nothing was written)", "(!inputIsValid && onWindows)", ps, reject_win, manual_reject),
    action("Check the parent, build the project and add the migration (dotnet ef migrations add)", "(inputIsValid && !onWindows)",
           "bash", '"STRATA_PROJECT_DIR/Scripts/add-entity.sh" ' + script_args, manual_run),
    action("Check the parent, build the project and add the migration (dotnet ef migrations add)", "(inputIsValid && onWindows)",
           ps, run_win, manual_run),
]

t = O()
t["$schema"] = "http://json.schemastore.org/template"
t["author"] = "Strata contributors"
t["classifications"] = ["Data", "EF Core", "Entity"]
t["identity"] = "Strata.Entity.CSharp"
t["groupIdentity"] = "Strata.Entity"
t["name"] = "EF Core entity (Strata)"
t["description"] = ("Adds an entity to a Strata model project: the entity class, its IEntityTypeConfiguration, its FluentValidation "
                    "validator and its DbSet, then adds the migration with EF Core's own scaffolder (dotnet ef migrations add).")
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
