using System.CommandLine;
using Strata.Tool;
using Strata.Tool.Commands;
using Strata.Tool.Fields;

var fieldsHelp = $"Fields: one Name[:type[{{args}}][?]][:modifier]... each, separated by spaces. Types: {FieldSpecParser.ValidTypes}. "
    + $"? = optional (NULL allowed). Modifiers: {FieldSpecParser.ValidModifiers}.\n"
    + "Relationships: Supplier:references (many-to-one, Restrict); Person:references:uniq (one-to-one); Manager:references{Employee}? "
    + "(a self-reference: optional, Restrict, inverse Reports; Parent gives Children); Tracks:many{Track} (many-to-many through PlaylistTrack); "
    + ":inverse(Name) names the navigation added to the target. SQL Server projects refuse a second cascade path or a cascade cycle (error 1785).";

var root = new RootCommand("The Strata scaffolder: adds entities and fields to a Strata EF Core model project (entity, configuration, validator, DbSet, migration).\n\n"
    + "Examples:\n  dotnet new entity -n OrderLine --parent Order --fields \"Quantity:int:min(1) UnitPrice:decimal{10,2}:min(0) Product:references\"   (runs dotnet strata new-entity)\n"
    + "  dotnet new entity -n Employee --fields \"Name:string{100} Manager:references{Employee}?\"   (self-reference; inverse: Reports)\n"
    + "  dotnet new entity -n Passport --fields \"Number:string{20} Person:references:uniq\"   (one-to-one)\n"
    + "  dotnet new entity -n Playlist --fields \"Name:string{120} Tracks:many{Track}\"   (many-to-many through PlaylistTrack)\n"
    + "  dotnet strata add-fields Product \"Weight:decimal{8,3}? Barcode:string{13}?:uniq\"\n"
    + "  dotnet strata remove Invoice   (undoes dotnet new entity -n Invoice)\n"
    + "  dotnet strata init   (a new project's initial migration; dotnet new modelproject runs it)")
{
    // Users type `dotnet strata`, the way they type `dotnet ef`.
    HelpName = "dotnet strata",
};

// new-entity: run by `dotnet new entity` after it has written the skeletons.
var name = new Argument<string>("name") { Description = "The entity class, e.g. OrderLine." };
var fieldsOption = new Option<string>("--fields") { Description = "The entity's fields, e.g. \"Sku:string{32}:uniq Price:decimal{10,2}:min(0) Supplier:references\"." };
var parent = new Option<string>("--parent") { Description = "The entity this one belongs to (owned by): adds <Parent>Id, the navigation and the inverse collection." };
var optionalParent = new Option<string>("--optional-parent") { Description = "True: the --parent relationship is optional (nullable foreign key).", Arity = ArgumentArity.ZeroOrOne };
var onDelete = new Option<string>("--on-delete") { Description = "Cascade, Restrict or SetNull: what deleting the parent does (default Cascade, SetNull when optional)." };
var plural = new Option<string>("--plural") { Description = "The plural for the DbSet and table when the English rules get it wrong (adds ToTable)." };
var folder = new Option<string>("--folder") { Description = "A subfolder (and namespace) such as Sales or Sales/Orders." };
var skipMigration = new Option<string>("--skip-migration") { Description = "True: write the code only; no build, no migration.", Arity = ArgumentArity.ZeroOrOne };
var project = new Option<string>("--project") { Description = "The model project's folder or .csproj (default: the current folder or the first one above it)." };

var newEntity = new Command("new-entity", "Completes the files `dotnet new entity` wrote (run by its post-action): fields, parent, DbSet, inverse collections, then one build and `dotnet ef migrations add Add<Name>`.\n\n"
    + "Example:\n  dotnet strata new-entity Product --fields \"Sku:string{32}:uniq Name:string{200} Price:decimal{10,2}:min(0) Supplier:references\"\n\n" + fieldsHelp)
{
    name, fieldsOption, parent, optionalParent, onDelete, plural, folder, skipMigration, project,
};
newEntity.SetAction(result => Execute(() => NewEntityCommand.Run(
    new NewEntityOptions
    {
        Name = result.GetValue(name)!,
        Fields = result.GetValue(fieldsOption) ?? "",
        Parent = result.GetValue(parent) ?? "",
        OptionalParent = Flag(result, optionalParent, "--optional-parent"),
        OnDelete = result.GetValue(onDelete) ?? "",
        Plural = result.GetValue(plural) ?? "",
        Folder = result.GetValue(folder) ?? "",
        SkipMigration = Flag(result, skipMigration, "--skip-migration"),
        Project = result.GetValue(project) ?? "",
    },
    Environment.CurrentDirectory)));

// add-fields: the public command.
var entity = new Argument<string>("entity") { Description = "The existing entity class, e.g. Product." };
var specs = new Argument<string>("fields") { Description = "The fields to add, in quotes." };
var addProject = new Option<string>("--project") { Description = "The model project's folder or .csproj (default: the current folder or the first one above it)." };
var addSkipMigration = new Option<string>("--skip-migration") { Description = "Edit the code only; no build, no migration.", Arity = ArgumentArity.ZeroOrOne };
var addFields = new Command("add-fields", "Adds fields to an existing entity, its configuration and its validator (keeping every line), then the migration Add<Field>To<Entity>. "
    + "Run it in the model project's folder, like dotnet ef. A required field needs :default(value) (the value existing rows get) or ? (optional).\n\n"
    + "Examples:\n  dotnet strata add-fields Product \"Weight:decimal{8,3}? Barcode:string{13}?:uniq\"\n  dotnet strata add-fields Ticket \"Queue:string{20}:default(General)\"\n\n" + fieldsHelp)
{
    entity, specs, addProject, addSkipMigration,
};
addFields.SetAction(result => Execute(() => AddFieldsCommand.Run(
    result.GetValue(entity)!,
    result.GetValue(specs)!,
    result.GetValue(addProject) is { Length: > 0 } path ? path : null,
    Flag(result, addSkipMigration, "--skip-migration"),
    Environment.CurrentDirectory)));

// diagram: docs/model.md from the design-time model (issue 12).
var diagramProject = new Option<string>("--project") { Description = "The model project's folder or .csproj (default: the current folder or the first one above it)." };
var noBuild = new Option<bool>("--no-build") { Description = "Use the project as last built instead of building it first." };
var diagram = new Command("diagram", "Writes docs/model.md (beside the solution file): a Mermaid erDiagram of the tables as the database will create them, "
    + "drawn from EF Core's design-time model of the built project. new-entity and add-fields rewrite it themselves; run it after changing the model by hand.\n\n"
    + "Example:\n  dotnet strata diagram")
{
    diagramProject, noBuild,
};
diagram.SetAction(result => Execute(() => Strata.Tool.Diagrams.DiagramCommand.Run(
    result.GetValue(diagramProject) is { Length: > 0 } path ? path : null,
    result.GetValue(noBuild),
    Environment.CurrentDirectory)));

// remove: undoes new-entity.
var removeEntity = new Argument<string>("entity") { Description = "The entity class to remove, e.g. Invoice." };
var removeProject = new Option<string>("--project") { Description = "The model project's folder or .csproj (default: the current folder or the first one above it)." };
var removeSkipMigration = new Option<string>("--skip-migration") { Description = "Remove the code only; no build, no migration.", Arity = ArgumentArity.ZeroOrOne };
var remove = new Command("remove", "Undoes dotnet new entity, like rails destroy: deletes the entity, its configuration, validator, DbSet, enum types and "
    + "many-to-many join entities, removes the navigations to it from other classes (every other line kept), then removes its migration "
    + "when that is the latest one and not applied to the database, or else adds the migration Remove<Entity> that drops the table. "
    + "Refuses, naming them, while other entities still refer to it. Run it in the model project's folder, like dotnet ef.\n\n"
    + "Examples:\n  dotnet strata remove Invoice\n  dotnet strata remove OrderLine && dotnet strata remove Order   (a child before its parent)")
{
    removeEntity, removeProject, removeSkipMigration,
};
remove.SetAction(result => Execute(() => RemoveCommand.Run(
    result.GetValue(removeEntity)!,
    result.GetValue(removeProject) is { Length: > 0 } path ? path : null,
    Flag(result, removeSkipMigration, "--skip-migration"),
    Environment.CurrentDirectory)));

// init: run by `dotnet new modelproject` (after dotnet tool restore) to write the first migration.
var initProject = new Option<string>("--project") { Description = "The model project's folder or .csproj (default: the one in the current folder or below it, as in a new solution's folder, else the first one above it)." };
var init = new Command("init", "Writes a new model project's first migration, InitialCreate, with EF Core's own scaffolder (one build, then dotnet ef migrations add InitialCreate --no-build), "
    + "and docs/model.md. dotnet new modelproject runs it; after --allow-scripts no, or in Visual Studio (which does not run post-actions), run it yourself in the new solution's folder "
    + "after dotnet tool restore. Refuses when the project already has migrations; writes nothing when it fails.\n\n"
    + "Example:\n  cd Shop && dotnet tool restore && dotnet strata init")
{
    initProject,
};
init.SetAction(result => Execute(() => InitCommand.Run(
    result.GetValue(initProject) is { Length: > 0 } path ? path : null,
    Environment.CurrentDirectory)));

root.Add(init);
root.Add(newEntity);
root.Add(addFields);
root.Add(remove);
root.Add(diagram);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"error: {parsed.Errors[0].Message} See dotnet strata {(parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ")}-h.");
    return 2;
}

// STRATA_TIMING=1 reports the tool's own time (parse, checks, edits; without build and dotnet ef) for benchmarks.
var clock = System.Diagnostics.Stopwatch.StartNew();
var exitCode = parsed.Invoke();
if (Environment.GetEnvironmentVariable("STRATA_TIMING") == "1")
{
    Console.Error.WriteLine($"strata: {clock.Elapsed.TotalMilliseconds:F0} ms in the tool (process start {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds - clock.Elapsed.TotalMilliseconds:F0} ms before it)");
}

return exitCode;

// Runs a command; bad input and failed steps become the one error line a user reads first.
static int Execute(Func<int> command)
{
    try
    {
        return command();
    }
    catch (InputException exception)
    {
        Console.Error.WriteLine($"error: {exception.Message}");
        return 2;
    }
    catch (CommandFailedException exception)
    {
        Console.Error.WriteLine($"error: {exception.Message}");
        return 1;
    }
}

// The engine passes True/False; a bare --skip-migration means true.
static bool Flag(ParseResult result, Option<string> option, string name)
{
    if (result.GetResult(option) is null)
    {
        return false;
    }

    var value = result.GetValue(option);
    return value is null or "" ? true
        : bool.TryParse(value, out var flag) ? flag
        : throw new InputException($"{name} '{value}' is not True or False; pass one of them.");
}
