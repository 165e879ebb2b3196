namespace Acme.Sales.Tests.Model.ConventionModel;

public sealed class Lorry : Vehicle
{
    public int Axles { get; set; }
}
