#!/usr/bin/env python3
"""Writes entity files into a generated Strata model project, shaped like `dotnet new entity` output.

    generate-entities.py <project-dir> bench-item        # one BenchItem entity (runtime benchmarks)
    generate-entities.py <project-dir> wide <count>      # Entity001..EntityNNN (model-building benchmarks)

Each entity gets Entities/<Name>.cs, Configurations/<Name>Configuration.cs,
Validators/<Name>Validator.cs and DbSets/<Context>.<Plural>.cs. The namespace and the DbContext
name are read from the project file (RootNamespace, StrataDbContext).
"""
import pathlib
import re
import sys


def project_facts(project_dir: pathlib.Path):
    csproj = next(project_dir.glob("*.csproj"))
    text = csproj.read_text()
    ns = re.search(r"<RootNamespace>([^<]+)</RootNamespace>", text).group(1)
    ctx = re.search(r"<StrataDbContext>([^<]+)</StrataDbContext>", text).group(1)
    return ns, ctx


def write(path: pathlib.Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def entity(project_dir, ns, ctx, name, plural, parent=None, enum=None):
    parent_props = ""
    parent_config = ""
    if parent:
        parent_props = f"""
    public int? {parent}Id {{ get; set; }}

    public {parent}? {parent} {{ get; set; }}
"""
        parent_config = f"""
        builder.HasOne(entity => entity.{parent}).WithMany().HasForeignKey(entity => entity.{parent}Id);"""
    enum_prop = f"\n    public {enum} Status {{ get; set; }}\n" if enum else ""
    enum_rule = "\n        RuleFor(entity => entity.Status).IsInEnum();" if enum else ""
    write(project_dir / "Entities" / f"{name}.cs", f"""using {ns}.Common;

namespace {ns}.Entities;

public class {name} : AuditableEntity
{{
    public required string Name {{ get; set; }}

    public string? Sku {{ get; set; }}

    public int Quantity {{ get; set; }}

    public decimal Price {{ get; set; }}
{enum_prop}{parent_props}}}
""")
    write(project_dir / "Configurations" / f"{name}Configuration.cs", f"""using {ns}.Common;
using {ns}.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace {ns}.Configurations;

public sealed class {name}Configuration : IEntityTypeConfiguration<{name}>
{{
    public void Configure(EntityTypeBuilder<{name}> builder)
    {{
        builder.Property(entity => entity.Name).HasMaxLength(100);
        builder.Property(entity => entity.Sku).HasMaxLength(20);
        builder.Property(entity => entity.Quantity).IsNonNegative();
        builder.Property(entity => entity.Price).IsNonNegative();{parent_config}
    }}
}}
""")
    write(project_dir / "Validators" / f"{name}Validator.cs", f"""using {ns}.Entities;
using FluentValidation;

namespace {ns}.Validators;

public sealed class {name}Validator : AbstractValidator<{name}>
{{
    public {name}Validator()
    {{
        RuleFor(entity => entity.Name).NotEmpty().MaximumLength(100);
        RuleFor(entity => entity.Sku).MaximumLength(20);
        RuleFor(entity => entity.Quantity).GreaterThanOrEqualTo(0);
        RuleFor(entity => entity.Price).GreaterThanOrEqualTo(0);{enum_rule}
    }}
}}
""")
    write(project_dir / "DbSets" / f"{ctx}.{plural}.cs", f"""using {ns}.Entities;
using Microsoft.EntityFrameworkCore;

namespace {ns};

public partial class {ctx}
{{
    public DbSet<{name}> {plural} => Set<{name}>();
}}
""")


def main():
    project_dir = pathlib.Path(sys.argv[1])
    ns, ctx = project_facts(project_dir)
    if sys.argv[2] == "bench-item":
        entity(project_dir, ns, ctx, "BenchItem", "BenchItems")
    elif sys.argv[2] == "wide":
        count = int(sys.argv[3])
        write(project_dir / "Entities" / "WideStatus.cs", f"""namespace {ns}.Entities;

public enum WideStatus
{{
    Draft,
    Active,
    Retired,
}}
""")
        for i in range(1, count + 1):
            name = f"Entity{i:03d}"
            parent = f"Entity{i - 1:03d}" if i > 1 else None
            entity(project_dir, ns, ctx, name, f"{name}s", parent=parent, enum="WideStatus")
    else:
        sys.exit(f"unknown mode {sys.argv[2]}")


if __name__ == "__main__":
    main()
