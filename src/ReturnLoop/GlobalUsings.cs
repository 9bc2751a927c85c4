// Namespaces nearly every feature file uses; the rest stay explicit in each file.
global using System.Security.Claims;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using ReturnLoop.Data;
global using ReturnLoop.Infrastructure;
global using ReturnLoop.Infrastructure.Auth;
